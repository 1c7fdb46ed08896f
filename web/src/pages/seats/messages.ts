import type { ExtendOf } from '../../i18n/catalogue'

/** Finding a seat. */
export const en = {
  'seats.title': 'Find a seat',
  'seats.oneDay': 'Or one day of the week ahead, on the candidate’s clock:',
  'seats.titleFor': 'Find a seat for {exam}',
  'seats.rescheduleTitle': 'A new time for {exam}',
  'seats.otherExam': 'Find a seat for another exam',
  'seats.moving':
    'You are moving your booking of {when} at {centre}. Choose its new time here; nothing changes until you confirm it on the next page.',
  'seats.moving.of':
    'This moves {name}’s booking of {when} at {centre}. Choose its new time here; nothing changes until it is confirmed on the next page.',
  'seats.exam': 'Exam number',
  'seats.examHelp': 'For example 070-622 or 70-622.',
  'seats.place': 'Near',
  'seats.placeHelp':
    'A city: type its name and choose it, or type a position as latitude,longitude (such as -33.87,151.21).',
  'seats.placeLooking': 'Looking for places…',
  'seats.placeNone': 'No test centre is in a place of that name.',
  'seats.placeMissing': 'Type a place to search near.',
  'seats.placeUnknown':
    'No test centre is in a place called “{place}”. Type the name of another city, or a position as latitude,longitude.',
  'seats.useMyLocation': 'Use my location',
  'seats.location.asking': 'Asking your browser where you are…',
  'seats.location.refused':
    'Your browser did not share your location. Type a place instead, or allow it in the browser’s settings and press the button again.',
  'seats.location.unavailable':
    'Your location could not be found just now. Type a place instead, or try again.',
  'seats.location.unsupported': 'This browser cannot tell your location. Type a place instead.',
  'seats.from': 'From',
  'seats.to': 'To (included)',
  'seats.toBeforeFrom': 'The last day cannot be before the first.',
  'seats.radius': 'Distance',
  'seats.radiusAny': 'Any distance',
  'seats.radiusKm': 'Within {distance}',
  'seats.provider': 'Provider',
  'seats.providerAny': 'Every provider',
  'seats.search': 'Search',
  'seats.askPlace': 'Say near where to look, and the centres with a free seat are listed here.',
  'seats.results': 'Centres with a free seat',
  'seats.found':
    '{count, plural, one {# centre has} other {# centres have}} a free seat from {from} to {to}, nearest to {place} first.',
  'seats.shown': 'The nearest {shown} are shown.',
  'seats.none': 'No centre has a free seat for {exam} from {from} to {to}.',
  'seats.noneWithin':
    'No centre within {distance} of {place} has a free seat for {exam} from {from} to {to}.',
  'seats.noneHint': 'Try later days, or more of them.',
  'seats.noneHintRadius': 'Or look farther away: choose a greater distance.',
  'seats.noneHintProvider': 'Or look at every provider.',
  'seats.more': '{count, plural, one {Show # more centre} other {Show more centres (# more)}}',
  'seats.showMap': 'Show map',
  'seats.mapLoading': 'Loading the map…',
  'seats.map': 'Map of the centres listed',
  'seats.map.zoomIn': 'Zoom in',
  'seats.map.zoomOut': 'Zoom out',
  'seats.mapNote':
    'The map shows the centres of the list, which says all it shows. Choose a centre’s dot to go to it in the list.',
  'seats.away': '{distance} away',
  'seats.counts':
    '{times, plural, one {# time} other {# times}} with a free seat in these days, {seats, plural, one {# seat} other {# seats}} left',
  'seats.nextTimes': 'Next free times',
  'seats.laterTimes':
    '{count, plural, one {# more time} other {# more times}} here in these days: search from a later day to see {count, plural, one {it} other {them}}.',
  'seats.currentBooking': '(your booking now)',
  'seats.currentBooking.of': '({name}’s booking now)',
  'seats.deadlines':
    'A booking could be rescheduled until {reschedule} and cancelled until {cancel}.',
  'seats.deadlinesPassed.both':
    'Too soon to change: a booking at this time could no longer be rescheduled or cancelled.',
  'seats.deadlinesPassed.reschedule':
    'Too soon to reschedule: a booking at this time could no longer be moved, but could be cancelled until {cancel}.',
  'seats.deadlinesPassed.cancel':
    'Too soon to cancel: a booking at this time could no longer be cancelled, but could be rescheduled until {reschedule}.',
} as const

export const de: ExtendOf<typeof en> = {
  'seats.title': 'Einen Platz finden',
  'seats.oneDay': 'Oder ein Tag der kommenden Woche, nach der Uhr des Prüflings:',
  'seats.titleFor': 'Einen Platz für {exam} finden',
  'seats.rescheduleTitle': 'Ein neuer Termin für {exam}',
  'seats.otherExam': 'Einen Platz für eine andere Prüfung finden',
  'seats.moving':
    'Sie verlegen Ihre Buchung vom {when} in {centre}. Wählen Sie hier den neuen Termin; geändert wird erst, wenn Sie ihn auf der nächsten Seite bestätigen.',
  'seats.moving.of':
    'Hier wird die Buchung von {name} vom {when} in {centre} verlegt. Wählen Sie hier den neuen Termin; geändert wird erst, wenn er auf der nächsten Seite bestätigt ist.',
  'seats.exam': 'Prüfungsnummer',
  'seats.examHelp': 'Zum Beispiel 070-622 oder 70-622.',
  'seats.place': 'In der Nähe von',
  'seats.placeHelp':
    'Eine Stadt: Namen eingeben und auswählen, oder eine Position als Breite,Länge eingeben (etwa -33.87,151.21).',
  'seats.placeLooking': 'Orte werden gesucht …',
  'seats.placeNone': 'An keinem Ort dieses Namens gibt es ein Testzentrum.',
  'seats.placeMissing': 'Geben Sie einen Ort ein, in dessen Nähe gesucht wird.',
  'seats.placeUnknown':
    'An keinem Ort namens „{place}“ gibt es ein Testzentrum. Geben Sie eine andere Stadt ein oder eine Position als Breite,Länge.',
  'seats.useMyLocation': 'Meinen Standort verwenden',
  'seats.location.asking': 'Ihr Browser wird nach Ihrem Standort gefragt …',
  'seats.location.refused':
    'Ihr Browser hat Ihren Standort nicht geteilt. Geben Sie stattdessen einen Ort ein, oder erlauben Sie es in den Einstellungen des Browsers und drücken Sie die Schaltfläche erneut.',
  'seats.location.unavailable':
    'Ihr Standort konnte gerade nicht bestimmt werden. Geben Sie stattdessen einen Ort ein, oder versuchen Sie es erneut.',
  'seats.location.unsupported':
    'Dieser Browser kann Ihren Standort nicht bestimmen. Geben Sie stattdessen einen Ort ein.',
  'seats.from': 'Von',
  'seats.to': 'Bis (einschließlich)',
  'seats.toBeforeFrom': 'Der letzte Tag kann nicht vor dem ersten liegen.',
  'seats.radius': 'Entfernung',
  'seats.radiusAny': 'Beliebig',
  'seats.radiusKm': 'Bis {distance}',
  'seats.provider': 'Anbieter',
  'seats.providerAny': 'Alle Anbieter',
  'seats.search': 'Suchen',
  'seats.askPlace':
    'Sagen Sie, wo gesucht werden soll; dann stehen hier die Zentren mit freiem Platz.',
  'seats.results': 'Zentren mit freiem Platz',
  'seats.found':
    '{count, plural, one {# Zentrum hat} other {# Zentren haben}} vom {from} bis {to} einen freien Platz, die nächsten bei {place} zuerst.',
  'seats.shown': 'Die nächsten {shown} werden gezeigt.',
  'seats.none': 'Kein Zentrum hat vom {from} bis {to} einen freien Platz für {exam}.',
  'seats.noneWithin':
    'Kein Zentrum bis {distance} von {place} hat vom {from} bis {to} einen freien Platz für {exam}.',
  'seats.noneHint': 'Versuchen Sie spätere Tage oder mehr davon.',
  'seats.noneHintRadius': 'Oder suchen Sie weiter entfernt: Wählen Sie eine größere Entfernung.',
  'seats.noneHintProvider': 'Oder suchen Sie bei allen Anbietern.',
  'seats.more':
    '{count, plural, one {# weiteres Zentrum zeigen} other {Weitere Zentren zeigen (# weitere)}}',
  'seats.showMap': 'Karte zeigen',
  'seats.mapLoading': 'Die Karte wird geladen …',
  'seats.map': 'Karte der aufgeführten Zentren',
  'seats.map.zoomIn': 'Vergrößern',
  'seats.map.zoomOut': 'Verkleinern',
  'seats.mapNote':
    'Die Karte zeigt die Zentren der Liste, die alles sagt, was die Karte zeigt. Wählen Sie den Punkt eines Zentrums, um zu ihm in der Liste zu gehen.',
  'seats.away': '{distance} entfernt',
  'seats.counts':
    '{times, plural, one {# Termin} other {# Termine}} mit freiem Platz an diesen Tagen, {seats, plural, one {# Platz} other {# Plätze}} frei',
  'seats.nextTimes': 'Nächste freie Termine',
  'seats.laterTimes':
    '{count, plural, one {# weiterer Termin} other {# weitere Termine}} hier an diesen Tagen: Suchen Sie ab einem späteren Tag, um {count, plural, one {ihn} other {sie}} zu sehen.',
  'seats.currentBooking': '(Ihre jetzige Buchung)',
  'seats.currentBooking.of': '(jetzige Buchung von {name})',
  'seats.deadlines':
    'Eine Buchung könnte bis {reschedule} umgebucht und bis {cancel} storniert werden.',
  'seats.deadlinesPassed.both':
    'Zu bald für Änderungen: Eine Buchung zu diesem Termin könnte nicht mehr umgebucht oder storniert werden.',
  'seats.deadlinesPassed.reschedule':
    'Zu bald zum Umbuchen: Eine Buchung zu diesem Termin könnte nicht mehr verlegt, aber bis {cancel} storniert werden.',
  'seats.deadlinesPassed.cancel':
    'Zu bald zum Stornieren: Eine Buchung zu diesem Termin könnte nicht mehr storniert, aber bis {reschedule} umgebucht werden.',
}
