import type { MessageId } from './en'

/** Arabic for the shell only (navigation, sign-in, language): enough to keep right-to-left layout honest. */
export const ar: Partial<Readonly<Record<MessageId, string>>> = {
  'common.loading': 'جارٍ التحميل…',
  'layout.skip': 'انتقل إلى المحتوى',
  'layout.nav': 'التنقل الرئيسي',
  'layout.home': 'الرئيسية',
  'layout.account': 'الحساب',
  'layout.signOut': 'تسجيل الخروج',
  'layout.language': 'اللغة',
  'layout.help': 'المساعدة',
  'layout.helpLine': 'أسئلة حول حجز أو رمز أو نتيجة؟ المساعدة هنا في كل صفحة.',
  'time.yourClock': '(توقيتك: {time})',
  'signIn.title': 'تسجيل الدخول',
  'signIn.emailIntro':
    'اكتب البريد الإلكتروني لحسابك في examdesk. نرسل إليه رسالة تسجيل دخول فيها رابط ورمز؛ لا توجد كلمة مرور.',
  'signIn.email': 'البريد الإلكتروني',
  'signIn.sendMail': 'أرسل لي رسالة تسجيل الدخول',
  'signIn.code': 'الرمز من الرسالة',
  'signIn.signIn': 'تسجيل الدخول',
  'signIn.passkeyIntro':
    'هل أضفت مفتاح مرور إلى حسابك على هذا الجهاز؟ سجّل الدخول به بدلًا من رسالة.',
  'signIn.passkey': 'تسجيل الدخول بمفتاح مرور',
  'signIn.noAccount': 'ليس لديك حساب؟',
  'signIn.makeAccount': 'أنشئ حسابًا',
  'home.title': 'الرئيسية',
  'home.greeting': 'مرحبًا، {name}',
  'home.appointments': 'مواعيدك',
  'home.noAppointments': 'لا توجد مواعيد قادمة.',
  'notFound.title': 'لا توجد صفحة بهذا العنوان',
  'help.title': 'المساعدة',
}
