import type { BetaPeriod, Exam, ExamStatus } from '../domain/exam.js'
import { findFamilyOfNumber } from '../domain/exam-family.js'
import type { ExamNumber } from '../domain/exam-number.js'
import type { Instant } from '../domain/instant.js'
import { DEMO_FAMILIES } from './demo-programme.js'
import { days } from './demo-time.js'

/** An exam of the demo catalogue; its family and policy follow from its number's prefix. */
function exam(number: ExamNumber, title: string, status: ExamStatus = 'live'): Exam {
  const family = findFamilyOfNumber(DEMO_FAMILIES, number)
  if (!family) throw new Error(`demo: no family claims ${number}`)
  return {
    number,
    title,
    family: family.id,
    policyId: family.policyId,
    status,
    betaOf: null,
    betaPeriod: null,
  }
}

/** A beta exam previewing `betaOf` during `betaPeriod`. */
function beta(
  number: ExamNumber,
  betaOf: ExamNumber,
  title: string,
  status: ExamStatus,
  betaPeriod: BetaPeriod,
): Exam {
  return { ...exam(number, title, status), betaOf, betaPeriod }
}

/**
 * The demo exam catalogue at `now`: 36 exams of the Vista / Windows 7 /
 * SQL Server 2005 era across every family.
 *
 * - 071-621 is in beta now (from now − 20 days until now + 25 days) and its
 *   live twin 070-621 is not live yet (status `beta`).
 * - 071-622's beta ended 60 days ago (retired); 070-622 is live.
 * - 070-210, 070-270 and 077-602 are retired.
 */
export function buildDemoExams(now: Instant): Exam[] {
  return [
    // 070: individual technical / role exams
    exam('070-620', 'TS: Configuring Windows Vista Client'),
    exam(
      '070-621',
      'Pro: Upgrading your MCDST Certification to MCITP Enterprise Support Technician',
      'beta',
    ),
    exam(
      '070-622',
      'Pro: Supporting and Troubleshooting Applications on a Windows Vista Client for Enterprise Support Technicians',
    ),
    exam(
      '070-623',
      'Pro: Supporting and Troubleshooting Applications on a Windows Vista Client for Consumer Support Technicians',
    ),
    exam(
      '070-624',
      'TS: Deploying and Maintaining Windows Vista Client and 2007 Microsoft Office System Desktops',
    ),
    exam('070-680', 'TS: Windows 7, Configuring'),
    exam('070-685', 'Pro: Windows 7, Enterprise Desktop Support Technician'),
    exam('070-686', 'Pro: Windows 7, Enterprise Desktop Administrator'),
    exam('070-431', 'TS: Microsoft SQL Server 2005 – Implementation and Maintenance'),
    exam('070-441', 'Pro: Designing Database Solutions by Using Microsoft SQL Server 2005'),
    exam('070-536', 'TS: Microsoft .NET Framework 2.0 – Application Development Foundation'),
    exam('070-640', 'TS: Windows Server 2008 Active Directory, Configuring'),
    exam('070-642', 'TS: Windows Server 2008 Network Infrastructure, Configuring'),
    exam('070-643', 'TS: Windows Server 2008 Applications Infrastructure, Configuring'),
    exam('070-646', 'Pro: Windows Server 2008, Server Administrator'),
    exam(
      '070-210',
      'Installing, Configuring, and Administering Microsoft Windows 2000 Professional',
      'retired',
    ),
    exam(
      '070-270',
      'Installing, Configuring, and Administering Microsoft Windows XP Professional',
      'retired',
    ),

    // 071: beta versions of 070 exams
    beta(
      '071-621',
      '070-621',
      'Beta: Pro: Upgrading your MCDST Certification to MCITP Enterprise Support Technician',
      'beta',
      { start: now - days(20), end: now + days(25) },
    ),
    beta(
      '071-622',
      '070-622',
      'Beta: Pro: Supporting and Troubleshooting Applications on a Windows Vista Client for Enterprise Support Technicians',
      'retired',
      { start: now - days(105), end: now - days(60) },
    ),

    // 072, 073: academic
    exam('072-620', 'TS: Configuring Windows Vista Client (Academic)'),
    exam('072-680', 'TS: Windows 7, Configuring (Academic)'),
    exam(
      '073-536',
      'TS: Microsoft .NET Framework 2.0 – Application Development Foundation (Academic)',
    ),

    // 098: Microsoft Technology Associate
    exam('098-349', 'Windows Operating System Fundamentals'),
    exam('098-361', 'Software Development Fundamentals'),
    exam('098-364', 'Database Fundamentals'),
    exam('098-365', 'Windows Server Administration Fundamentals'),
    exam('098-366', 'Networking Fundamentals'),
    exam('098-367', 'Security Fundamentals'),
    exam('098-375', 'HTML5 App Development Fundamentals'),

    // 062: Microsoft Certified Educator
    exam('062-193', 'Technology Literacy for Educators'),

    // 077: Microsoft Office Specialist
    exam('077-418', 'Microsoft Word 2013'),
    exam('077-420', 'Microsoft Excel 2013'),
    exam('077-422', 'Microsoft PowerPoint 2013'),
    exam('077-725', 'Word 2016: Core Document Creation, Collaboration and Communication'),
    exam('077-727', 'Excel 2016: Core Data Analysis, Manipulation, and Presentation'),
    exam('077-602', 'Microsoft Office Excel 2007', 'retired'),
  ]
}
