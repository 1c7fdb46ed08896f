/**
 * Names of eight languages, as people write them (accents, strokes and
 * ligatures included), for the candidate search benchmark: fifteen first
 * and fifteen last names each, and where such candidates live.
 */

const names = (text: string): readonly string[] => text.split(' ')

export const NAMES: readonly (readonly [readonly string[], readonly string[]])[] = [
  [
    names(
      'María José Lucía Álvaro Sofía Martín Inés Raúl Elena Jesús Begoña Íñigo Nuria Óscar Pilar',
    ),
    names(
      'García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Muñoz Jiménez Ruiz Hernández Díaz Álvarez',
    ),
  ],
  [
    names(
      'João Conceição Inês Gonçalo Sebastião Lúcia Tomás Beatriz Simão Leonor André Mónica Rúben Graça Vítor',
    ),
    names(
      'Gonçalves Magalhães Conceição Simões Assunção Guimarães Araújo Fontão Brandão Galvão Lourenço Estêvão Patrício Romão Sebastião',
    ),
  ],
  [
    names(
      'Zoë Gaëlle Hélène Loïc Jérôme Anaïs Noël Cécile Benoît Agnès François Léa Mathéo Maëlys Clément',
    ),
    names(
      'Lefèvre Dupré Bérubé Gagné Côté Lévesque Pépin Légaré Mérieux Thériault Bélanger Fréchette Hébert Séguin Desjardins',
    ),
  ],
  [
    names(
      'Jürgen Jörg Björn Günther Käthe Götz Sören Jörn Mareike Lüder Bärbel Maximilian Dörte Ursula Lukas',
    ),
    names(
      'Müller Schröder Böhm Größer Weiß Schäfer Jäger Köhler Krüger Hoffmann Schmitz Fuß Möller Bäcker Wölfel',
    ),
  ],
  [
    names(
      'Łukasz Małgorzata Paweł Agnieszka Wojciech Bożena Grzegorz Jędrzej Krzysztof Żaneta Zdzisław Władysław Ewelina Michał Anežka',
    ),
    names(
      'Wójcik Kowalczyk Lewandowski Dąbrowski Wiśniewski Kamiński Zieliński Szymański Woźniak Kozłowski Dvořák Černý Novák Procházka Kučera',
    ),
  ],
  [
    names(
      'Çağlar Gökhan Şükrü Ümit Özlem İbrahim Gülşen Öykü Tuğçe Barış Çiğdem Ayşe Doğan Şebnem Ilgın',
    ),
    names(
      'Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin',
    ),
  ],
  [
    names('Nguyễn Thảo Phương Hùng Dũng Hương Tuấn Quỳnh Đức Ánh Trâm Khánh Hải Yến Thành'),
    names('Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương'),
  ],
  [
    names(
      'Søren Åsa Bjørn Ørjan Sigrún Þórdís Ástríður Jökull Eiður Kåre Bård Øystein Hæge Ragnhildur Sölvi',
    ),
    names(
      'Sørensen Jørgensen Løvås Ødegård Bråten Åberg Strøm Dæhlie Guðmundsdóttir Þorsteinsson Jóhannsson Håland Sæther Lindqvist Ekström',
    ),
  ],
]

export const COUNTRIES = ['ES', 'PT', 'FR', 'DE', 'PL', 'TR', 'VN', 'NO'] as const
export const ZONES = [
  'Europe/Madrid',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Warsaw',
  'Europe/Istanbul',
  'Asia/Ho_Chi_Minh',
  'Europe/Oslo',
] as const
