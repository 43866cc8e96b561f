import { describe, it, expect } from 'vitest';
import { gibberishReason, looksLikeGibberish } from '../../../shared/qualify/gibberish.ts';

/** Real people and companies from many cultures: none may be flagged. */
const REAL_NAMES = [
  'Nguyen',
  'Krzysztof Wójcik',
  'Siobhán Ní Bhriain',
  'Xiu Zhang',
  'Ng',
  'Li',
  'O',
  'Björk',
  'Tchaikovsky',
  'Mbappé',
  'Oyelaran',
  'Schwartz',
  'Schwarz',
  'Szczepański',
  'Tschüss',
  'Strengths',
  'Mkrtchyan',
  'Hirschsprung',
  'Hirschfeld',
  'Rothschild',
  'Zschokke',
  'Brzęczyszczykiewicz',
  'Grzegorz',
  'Przybylski',
  'Wrzesniewski',
  'Chrząszcz',
  'Skłodowska',
  'Čtvrtník',
  'Vlk',
  'Dvořák',
  'Nguyễn Thị Minh Khai',
  'Şükrü Öztürk',
  'Yıldız',
  'Þórunn Guðrúnardóttir',
  'Bjørnstjerne Bjørnson',
  'Sjöström',
  'Lindqvist',
  'Ångström',
  'Llywelyn ap Gruffydd',
  'Ó Laoghaire',
  "Mary-Jane O'Neil",
  'van der Berg',
  'Al-Khwarizmi',
  'Krishnamurthy',
  'Bhattacharya',
  'Subrahmanyam',
  'Oluwaseun Adeyemi',
  'Chukwuemeka',
  'Mthembu',
  'Tshabalala',
  'Nkemelu',
  'Xochitl',
  'Hwang',
  'Kwak',
  'Ryu',
  'Shcherbakov',
  'Khrushchev',
  'Mstislav',
  'Zbigniew',
  'Xhaka',
  'Trewhella',
  'Doherty',
  'Wertz',
  'Lulu',
  'Meimei',
  'Sirhan Sirhan',
  'Li Li',
  'Nan Goldin',
  'Foo Kon Tan',
  'Smith III',
  '张伟',
  'محمد',
  'Иванов',
  'Παπαδόπουλος',
  'प्रिया',
  'สมชาย',
  'ʻOkina',
  'IBM',
  '3M',
  'KPMG',
  'HSBC',
  'Xcel Energy',
  'Dyson',
  'Ørsted',
  'BMW',
  'PwC',
  'DHL',
  'AAA',
  'Tata',
  'TomTom',
  'JPMorgan Chase',
  'AT&T',
  '7-Eleven',
  'Häagen-Dazs',
  'Procter & Gamble',
  'Schwarzkopf',
  'Liberty Mutual',
  'Knightsbridge Capital',
  'Weltschmerz GmbH',
  'Bora Bora',
  'ASD Healthcare',
  'Test Equipment Depot',
  'AAAA Plumbing',
  'ABC',
];

/** Keyboard mashing, held-down keys, placeholders and numbers: all must be flagged. */
const JUNK_NAMES = [
  'asdf',
  'ASDF',
  'qwerty',
  'sdfsdf',
  'xxxxx',
  'aaaaaa',
  'jkjkjk',
  'zxcvbnm',
  'hjkl',
  'jkl;',
  'test test',
  'Test',
  '12345',
  'dfghjkl',
  'asdfasdf',
  'qwertyuiop',
  'lkjhgf',
  'mnbvcx',
  'ghghgh',
  'asdasd',
  'qweqwe',
  'kdjfhgkd',
  'sdkfjh',
  'abcd',
  'abcd1234',
  'xyz',
  'xxx',
  'zzzz',
  'asd asd asd',
  '...',
  '1111',
  'Foobar',
  'lorem ipsum',
  'prueba',
  'Asdf Inc',
  'Test Inc',
  'Test User',
  'Jhgfd Smith',
  'azerty',
  'wxcvbn',
];

describe('looksLikeGibberish: real names and companies', () => {
  it('has a table of at least 40', () => {
    expect(REAL_NAMES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(REAL_NAMES)('%s is not gibberish', (name) => {
    expect(gibberishReason(name)).toBeUndefined();
    expect(looksLikeGibberish(name)).toBe(false);
  });
});

describe('looksLikeGibberish: junk', () => {
  it('has a table of at least 15', () => {
    expect(JUNK_NAMES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(JUNK_NAMES)('%s is gibberish', (name) => {
    expect(looksLikeGibberish(name)).toBe(true);
  });
});

describe('gibberishReason says why', () => {
  it.each([
    ['asdfgh', 'looks like keyboard mashing'],
    ['jkl;', 'looks like keyboard mashing'],
    ['Asdf Inc', 'looks like keyboard mashing'],
    ['test', 'looks like a placeholder'],
    ['Test Company', 'looks like a placeholder'],
    ['xxxxx', 'repeats one letter'],
    ['jkjkjk', "repeats 'jk'"],
    ['sdfsdf', "repeats 'sdf'"],
    ['qweqwe', "repeats 'qwe'"],
    ['kdjfhgkd', 'has too many consonants in a row'],
    ['sdkfjlkd', 'has almost no vowels'],
    ['12345', 'has no letters'],
    ['---', 'has no letters'],
    ['Bob Bob Bob', 'repeats the same word'],
  ])('%s: %s', (text, reason) => {
    expect(gibberishReason(text)).toBe(reason);
  });

  it.each(['', '   ', '\n'])('empty text %j is not gibberish (missing is another finding)', (text) => {
    expect(gibberishReason(text)).toBeUndefined();
    expect(gibberishReason(text, 'text')).toBeUndefined();
  });
});

describe('the name rules draw their lines where real names sit', () => {
  it.each([
    // A pair twice is a name, three times mashing.
    ['Lulu', false],
    ['Lululu', true],
    // A three-letter unit twice: only vowel-less or key-run units.
    ['TomTom', false],
    ['Bonbon', false],
    ['dfgdfg', true],
    // One letter: three is an acronym or a numeral, four a held key; beside a real word, a brand.
    ['AAA', false],
    ['III', false],
    ['AAAA', true],
    ['AAAA Plumbing', false],
    // Top-row runs count from six: five is in "Wertz" (QWERTZ) and four in "Liberty".
    ['Werty', false],
    ['Wertyu', true],
    // The same word twice is a name, three times not.
    ['Duran Duran', false],
    ['Duran Duran Duran', true],
    // A placeholder beside a real word is a real company.
    ['Test Equipment Depot', false],
    ['Testa', false],
  ])('%s → %s', (text, flagged) => {
    expect(looksLikeGibberish(text)).toBe(flagged);
  });
});

describe('looksLikeGibberish in text mode (messages) is lenient', () => {
  it.each(['asdf', 'test', 'Test test', 'asdfasdf jkjkjk', 'qwerty qwerty', 'sdfsdf sdfsdf sdf', 'aaaaaaaa', 'lkjhg fdsa hello'])('%j is gibberish', (text) => {
    expect(looksLikeGibberish(text, 'text')).toBe(true);
  });

  it.each([
    'Hi, we need 50 QWERTY keyboards for the new office',
    'Sooooo excited, call me',
    'hi',
    '.',
    '12345',
    'This is a test of your product, we want a demo',
    'Hola, necesito una cotización para mañana',
    'asdf asdf but then we write a real message about pricing for our team of forty',
    'Please see https://www.acme.com/xkcdfgh for the spec',
    'Krzysztof here: Szczepański recommended you',
    '我们需要报价',
  ])('%j is not gibberish', (text) => {
    expect(looksLikeGibberish(text, 'text')).toBe(false);
  });

  it('says how much of a mixed message is gibberish', () => {
    expect(gibberishReason('asdf qwerty hi', 'text')).toBe('is mostly gibberish (2 of 3 words)');
  });
});
