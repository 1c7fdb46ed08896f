import type { ExtendOf } from '../i18n/catalogue'

/**
 * What a code does, keeps and gives up, and why it is refused: one message
 * per sentence code the API gives. Instants come formatted on the
 * candidate's clock; lists come joined in the reader's language.
 */
export const en = {
  'codeSentence.CODE_WITHDRAWN':
    'This code was withdrawn at {withdrawnAt}, before its invitation opened, and no longer works.',
  'codeSentence.CODE_EXPIRED': 'This code expired at {expiresAt}.',
  'codeSentence.PROVIDERS_ONLY':
    '{offer} is delivered only by {providers}: choose a seat at {count, plural, one {that provider} other {one of them}}.',
  'codeSentence.OTHER_CODE_NOT_COMBINABLE':
    '{other} cannot be combined with other codes, so it cannot be used with {offer}.',
  'codeSentence.OFFER_NOT_COMBINABLE':
    '{offer} cannot be combined with any other offer or code, such as {other}.',
  'codeSentence.SEAT_AFTER_EXPIRY':
    '{use, select, free_retake {The free retake of {exam}} first_attempt {The first attempt of {exam}, and its retake,} after_pass_discount {The discounted exam} other {An exam booked with this code}} must take place before {expiresAt}, when this code expires; this seat is at {startsAt}.',
  'codeSentence.EXAM_NOT_COVERED': '{offer} covers {scope}; {exam} is not one of them.',
  'codeSentence.ALL_USES_TAKEN': 'All {limit} uses of this code are taken.',
  'codeSentence.ALREADY_USED': 'This code was already used.',
  'codeSentence.ALREADY_USED_FOR': 'This code was already used, for {exam} at {startsAt}.',
  'codeSentence.RETAKE_FOR_OTHER_EXAM':
    "This code's free retake is for {retakeExams} only; it cannot pay for {exam}.",
  'codeSentence.RETAKE_ALREADY_BOOKED':
    'The free retake of {exam} was booked with this code for {startsAt}.',
  'codeSentence.RETAKE_GIVEN_UP':
    'The free retake of {exam} was given up when its retake for {startsAt} was booked without this code.',
  'codeSentence.FIRST_ATTEMPT_BOOKED':
    'This code already books {exam} for {startsAt}; its free retake becomes available only if that attempt fails.',
  'codeSentence.FIRST_ATTEMPT_AWAITS_RESULT':
    'The attempt of {exam} booked with this code awaits its result; the free retake becomes available only if it fails.',
  'codeSentence.FIRST_ATTEMPT_PASSED':
    '{exam} was passed with this code; a pass does not turn the free retake into another exam.',
  'codeSentence.FIRST_ATTEMPT_NOT_SAT':
    'This code was spent on {exam} for {startsAt}, which was not sat.',
  'codeSentence.USED_FOR_EXAM': 'This code was used for {exam}.',
  'codeSentence.PAYMENT_METHODS_ONLY': '{offer} can be paid only by {methods}, not by {method}.',
  'codeSentence.PERCENT_OFF': '{percent} % off {exam}.',
  'codeSentence.FREE_EXAM': '{exam} at no charge.',
  'codeSentence.FREE_RETAKE':
    'The free retake of {exam}, after the attempt of {attemptAt}: nothing to pay.',
  'codeSentence.FIRST_ATTEMPT_FULL_PRICE':
    "Books the first attempt of {exam} at the full price; the code's free retake is kept for it.",
  'codeSentence.AFTER_PASS_DISCOUNT':
    '{percent} % off {exam}, earned by passing {passedExam}. This discount includes no free retake: the code is then used up.',
  'codeSentence.STAYS_USABLE': 'The code stays usable.',
  'codeSentence.STAYS_USABLE_UNTIL': 'The code stays usable until {expiresAt}.',
  'codeSentence.USES_LEFT':
    '{count, plural, one {# more use of this code remains.} other {# more uses of this code remain.}}',
  'codeSentence.KEEPS_RETAKE': 'Keeps your free retake of {exam}.',
  'codeSentence.KEEPS_RETAKE.of': 'Keeps {name}’s free retake of {exam}.',
  'codeSentence.KEEPS_RETAKE_UNTIL': 'Keeps your free retake of {exam} until {expiresAt}.',
  'codeSentence.KEEPS_RETAKE_UNTIL.of': 'Keeps {name}’s free retake of {exam} until {expiresAt}.',
  'codeSentence.RETAKE_IF_FAILED':
    'If this attempt fails, the same code books one free retake of {exam}.',
  'codeSentence.RETAKE_IF_FAILED_BEFORE':
    'If this attempt fails, the same code books one free retake of {exam}, to be taken before {expiresAt}.',
  'codeSentence.DISCOUNT_AFTER_PASS':
    'If you pass before {passBeforeAt}, the same code gives {percent} % off one more exam booked before {bookBeforeAt} (that discount includes no free retake).',
  'codeSentence.DISCOUNT_AFTER_PASS.of':
    'If {name} passes before {passBeforeAt}, the same code gives {percent} % off one more exam booked before {bookBeforeAt} (that discount includes no free retake).',
  'codeSentence.PACK_EXAMS_LEFT':
    '{count, plural, one {The code covers # more exam of the pack.} other {The code covers # more exams of the pack.}}',
  'codeSentence.RETAKE_LOST_NO_RETAKE':
    'If this attempt fails, the retake policy allows no retake of {exam} before this code expires at {expiresAt}: the free retake would be lost.',
  'codeSentence.RETAKE_LOST_TOO_LATE':
    'If this attempt fails, the retake policy allows a retake of {exam} only from {retakeAt}, after this code expires at {expiresAt}: the free retake would be lost.',
  'codeSentence.HELD_RETAKE_GIVEN_UP':
    'Your code {voucherCode} holds a free retake of {exam}; booking this attempt without it gives that free retake up.',
  'codeSentence.HELD_RETAKE_GIVEN_UP.of':
    '{name}’s code {voucherCode} holds a free retake of {exam}; booking this attempt without it gives that free retake up.',
  'codeSentence.HELD_RETAKE_GIVEN_UP_UNTIL':
    'Your code {voucherCode} holds a free retake of {exam} until {expiresAt}; booking this attempt without it gives that free retake up.',
  'codeSentence.HELD_RETAKE_GIVEN_UP_UNTIL.of':
    '{name}’s code {voucherCode} holds a free retake of {exam} until {expiresAt}; booking this attempt without it gives that free retake up.',
  'codeSentence.MOVED_PROVIDERS_ONLY':
    'This registration was booked with {offer}, delivered only by {providers}: choose a new seat there.',
  'codeSentence.MOVED_AFTER_EXPIRY':
    'This registration was booked with {offer}, whose code must be used before {expiresAt}; choose an earlier seat.',
  'codeSentence.scope.every': 'every exam',
  'codeSentence.scope.family': '{family} exams',
  'codeSentence.scope.prefix': 'exams numbered {prefix}-…',
  'codeSentence.scope.priced': '{exams} at {classes} price',
  'codeSentence.priceClass.regular': 'regular',
  'codeSentence.priceClass.discounted': 'discounted',
  'codeSentence.priceClass.academic': 'academic',
} as const

export const de: ExtendOf<typeof en> = {
  'codeSentence.CODE_WITHDRAWN':
    'Dieser Code wurde am {withdrawnAt} zurückgezogen, bevor seine Einladung galt, und funktioniert nicht mehr.',
  'codeSentence.CODE_EXPIRED': 'Dieser Code ist am {expiresAt} abgelaufen.',
  'codeSentence.PROVIDERS_ONLY':
    '{offer} wird nur von {providers} durchgeführt: Wählen Sie einen Platz {count, plural, one {bei diesem Anbieter} other {bei einem dieser Anbieter}}.',
  'codeSentence.OTHER_CODE_NOT_COMBINABLE':
    '{other} lässt sich nicht mit anderen Codes kombinieren und kann daher nicht zusammen mit {offer} verwendet werden.',
  'codeSentence.OFFER_NOT_COMBINABLE':
    '{offer} lässt sich mit keinem anderen Angebot oder Code kombinieren, auch nicht mit {other}.',
  'codeSentence.SEAT_AFTER_EXPIRY':
    '{use, select, free_retake {Die kostenlose Wiederholung von {exam} muss} first_attempt {Der erste Versuch von {exam} und seine Wiederholung müssen} after_pass_discount {Die ermäßigte Prüfung muss} other {Eine mit diesem Code gebuchte Prüfung muss}} stattfinden, bevor dieser Code am {expiresAt} abläuft; dieser Platz ist am {startsAt}.',
  'codeSentence.EXAM_NOT_COVERED': '{offer} gilt für {scope}; {exam} gehört nicht dazu.',
  'codeSentence.ALL_USES_TAKEN': 'Alle {limit} Verwendungen dieses Codes sind vergeben.',
  'codeSentence.ALREADY_USED': 'Dieser Code wurde bereits verwendet.',
  'codeSentence.ALREADY_USED_FOR': 'Dieser Code wurde bereits verwendet, für {exam} am {startsAt}.',
  'codeSentence.RETAKE_FOR_OTHER_EXAM':
    'Die kostenlose Wiederholung dieses Codes gilt nur für {retakeExams}; {exam} lässt sich damit nicht bezahlen.',
  'codeSentence.RETAKE_ALREADY_BOOKED':
    'Die kostenlose Wiederholung von {exam} ist mit diesem Code bereits gebucht, für {startsAt}.',
  'codeSentence.RETAKE_GIVEN_UP':
    'Die kostenlose Wiederholung von {exam} ist verfallen, als die Wiederholung am {startsAt} ohne diesen Code gebucht wurde.',
  'codeSentence.FIRST_ATTEMPT_BOOKED':
    'Dieser Code bucht bereits {exam} am {startsAt}; die kostenlose Wiederholung gibt es erst, wenn dieser Versuch nicht bestanden wird.',
  'codeSentence.FIRST_ATTEMPT_AWAITS_RESULT':
    'Der mit diesem Code gebuchte Versuch von {exam} wartet auf sein Ergebnis; die kostenlose Wiederholung gibt es erst, wenn er nicht bestanden wird.',
  'codeSentence.FIRST_ATTEMPT_PASSED':
    '{exam} wurde mit diesem Code bestanden; durch das Bestehen wird aus der kostenlosen Wiederholung keine andere Prüfung.',
  'codeSentence.FIRST_ATTEMPT_NOT_SAT':
    'Dieser Code wurde für {exam} am {startsAt} eingesetzt; die Prüfung wurde nicht abgelegt.',
  'codeSentence.USED_FOR_EXAM': 'Dieser Code wurde für {exam} verwendet.',
  'codeSentence.PAYMENT_METHODS_ONLY':
    '{offer} kann nur per {methods} bezahlt werden, nicht per {method}.',
  'codeSentence.PERCENT_OFF': '{percent} % Rabatt auf {exam}.',
  'codeSentence.FREE_EXAM': '{exam} kostenlos.',
  'codeSentence.FREE_RETAKE':
    'Die kostenlose Wiederholung von {exam} nach dem Versuch am {attemptAt}: nichts zu zahlen.',
  'codeSentence.FIRST_ATTEMPT_FULL_PRICE':
    'Bucht den ersten Versuch von {exam} zum vollen Preis; die kostenlose Wiederholung des Codes bleibt dafür erhalten.',
  'codeSentence.AFTER_PASS_DISCOUNT':
    '{percent} % Rabatt auf {exam}, erworben durch das Bestehen von {passedExam}. Dieser Rabatt enthält keine kostenlose Wiederholung: Der Code ist danach aufgebraucht.',
  'codeSentence.STAYS_USABLE': 'Der Code bleibt gültig.',
  'codeSentence.STAYS_USABLE_UNTIL': 'Der Code bleibt bis {expiresAt} gültig.',
  'codeSentence.USES_LEFT':
    '{count, plural, one {Der Code kann noch # weiteres Mal verwendet werden.} other {Der Code kann noch # weitere Male verwendet werden.}}',
  'codeSentence.KEEPS_RETAKE': 'Ihre kostenlose Wiederholung von {exam} bleibt erhalten.',
  'codeSentence.KEEPS_RETAKE.of':
    'Die kostenlose Wiederholung von {exam}, die {name} hat, bleibt erhalten.',
  'codeSentence.KEEPS_RETAKE_UNTIL':
    'Ihre kostenlose Wiederholung von {exam} bleibt bis {expiresAt} erhalten.',
  'codeSentence.KEEPS_RETAKE_UNTIL.of':
    'Die kostenlose Wiederholung von {exam}, die {name} hat, bleibt bis {expiresAt} erhalten.',
  'codeSentence.RETAKE_IF_FAILED':
    'Wird dieser Versuch nicht bestanden, bucht derselbe Code eine kostenlose Wiederholung von {exam}.',
  'codeSentence.RETAKE_IF_FAILED_BEFORE':
    'Wird dieser Versuch nicht bestanden, bucht derselbe Code eine kostenlose Wiederholung von {exam}; sie muss stattfinden, bevor der Code am {expiresAt} abläuft.',
  'codeSentence.DISCOUNT_AFTER_PASS':
    'Bestehen Sie vor dem {passBeforeAt}, gibt derselbe Code {percent} % Rabatt auf eine weitere Prüfung, die vor dem {bookBeforeAt} gebucht wird (dieser Rabatt enthält keine kostenlose Wiederholung).',
  'codeSentence.DISCOUNT_AFTER_PASS.of':
    'Besteht {name} vor dem {passBeforeAt}, gibt derselbe Code {percent} % Rabatt auf eine weitere Prüfung, die vor dem {bookBeforeAt} gebucht wird (dieser Rabatt enthält keine kostenlose Wiederholung).',
  'codeSentence.PACK_EXAMS_LEFT':
    '{count, plural, one {Der Code gilt noch für # weitere Prüfung des Pakets.} other {Der Code gilt noch für # weitere Prüfungen des Pakets.}}',
  'codeSentence.RETAKE_LOST_NO_RETAKE':
    'Wird dieser Versuch nicht bestanden, erlaubt die Wiederholungsregel keine Wiederholung von {exam}, bevor dieser Code am {expiresAt} abläuft: Die kostenlose Wiederholung ginge verloren.',
  'codeSentence.RETAKE_LOST_TOO_LATE':
    'Wird dieser Versuch nicht bestanden, erlaubt die Wiederholungsregel eine Wiederholung von {exam} erst ab {retakeAt}, nachdem dieser Code am {expiresAt} abgelaufen ist: Die kostenlose Wiederholung ginge verloren.',
  'codeSentence.HELD_RETAKE_GIVEN_UP':
    'Ihr Code {voucherCode} enthält eine kostenlose Wiederholung von {exam}; wenn Sie diesen Versuch ohne ihn buchen, verfällt sie.',
  'codeSentence.HELD_RETAKE_GIVEN_UP.of':
    'Der Code {voucherCode} von {name} enthält eine kostenlose Wiederholung von {exam}; wird dieser Versuch ohne ihn gebucht, verfällt sie.',
  'codeSentence.HELD_RETAKE_GIVEN_UP_UNTIL':
    'Ihr Code {voucherCode} enthält bis {expiresAt} eine kostenlose Wiederholung von {exam}; wenn Sie diesen Versuch ohne ihn buchen, verfällt sie.',
  'codeSentence.HELD_RETAKE_GIVEN_UP_UNTIL.of':
    'Der Code {voucherCode} von {name} enthält bis {expiresAt} eine kostenlose Wiederholung von {exam}; wird dieser Versuch ohne ihn gebucht, verfällt sie.',
  'codeSentence.MOVED_PROVIDERS_ONLY':
    'Diese Anmeldung wurde mit {offer} gebucht, das nur {providers} durchführt: Wählen Sie dort einen neuen Platz.',
  'codeSentence.MOVED_AFTER_EXPIRY':
    'Diese Anmeldung wurde mit {offer} gebucht, dessen Code vor dem {expiresAt} eingesetzt werden muss; wählen Sie einen früheren Platz.',
  'codeSentence.scope.every': 'alle Prüfungen',
  'codeSentence.scope.family': '{family}-Prüfungen',
  'codeSentence.scope.prefix': 'Prüfungen mit der Nummer {prefix}-…',
  'codeSentence.scope.priced': '{exams} zum {classes} Preis',
  'codeSentence.priceClass.regular': 'regulären',
  'codeSentence.priceClass.discounted': 'ermäßigten',
  'codeSentence.priceClass.academic': 'akademischen',
}
