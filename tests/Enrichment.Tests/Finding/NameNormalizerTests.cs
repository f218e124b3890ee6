using Enrichment.Finding.Names;

namespace Enrichment.Tests.Finding;

public class NameNormalizerTests
{
    // first | last | full → first variants | middle initials | last variants ("|"-separated, best first).
    [Theory]
    // German, Austrian, Swiss
    [InlineData("Thomas", "Müller", null, "thomas|tom|tommy", "", "muller|mueller")]
    [InlineData("Jürgen", "Großmann", null, "jurgen|juergen", "", "grossmann")]
    [InlineData("Anne-Sophie", "Mutter", null, "annesophie|anne-sophie|anne", "", "mutter")]
    [InlineData(null, null, "Prof. Dr. Hans-Peter Müller-Lüdenscheidt", "hanspeter|hans-peter|hans", "",
        "mullerludenscheidt|muellerluedenscheidt|muller-ludenscheidt|mueller-luedenscheidt|muller|mueller")]
    [InlineData(null, null, "Ludwig van Beethoven", "ludwig", "", "vanbeethoven|beethoven")]
    // Nordic and Icelandic
    [InlineData("Björn", "Andersson", null, "bjorn|bjoern", "", "andersson")]
    [InlineData("Søren", "Kierkegaard", null, "soren|soeren", "", "kierkegaard")]
    [InlineData("Åsa", "Ødegård", null, "asa|aasa", "", "odegard|oedegaard")]
    [InlineData("Bjørn", "Dæhlie", null, "bjorn|bjoern", "", "daehlie")]
    [InlineData("Ólafur", "Þórðarson", null, "olafur", "", "thordarson")]
    [InlineData("Dagný", "Sigurðardóttir", null, "dagny", "", "sigurdardottir")]
    // Polish, Czech, Serbian/Croatian
    [InlineData("Łukasz", "Żółkiewski", null, "lukasz", "", "zolkiewski")]
    [InlineData("Małgorzata", "Wiśniewska", null, "malgorzata|gosia", "", "wisniewska")]
    [InlineData("Jiří", "Dvořák", null, "jiri", "", "dvorak")]
    [InlineData("Kateřina", "Nováková", null, "katerina", "", "novakova")]
    [InlineData("Tomáš", "Černý", null, "tomas", "", "cerny")]
    [InlineData("Ana", "Milošević", null, "ana", "", "milosevic")]
    [InlineData("Đorđe", "Đoković", null, "dorde", "", "dokovic")]
    // French
    [InlineData("François", "Lefèvre", null, "francois", "", "lefevre")]
    [InlineData("Hélène", "Dubois", null, "helene", "", "dubois")]
    [InlineData("Jean-Pierre", "Léger", null, "jeanpierre|jean-pierre|jean", "", "leger")]
    [InlineData("Renée", "Le Roux", null, "renee", "", "leroux|roux")]
    // Spanish and Portuguese
    [InlineData("José", "García-López", null, "jose|pepe", "", "garcialopez|garcia-lopez|garcia")]
    [InlineData("María", "de la Cruz", null, "maria", "", "delacruz|cruz")]
    [InlineData("Iñigo", "Ibáñez", null, "inigo", "", "ibanez")]
    [InlineData("Zoë", "Saldaña", null, "zoe", "", "saldana")]
    [InlineData("João", "dos Santos", null, "joao", "", "dossantos|santos")]
    [InlineData("Conceição", "Gonçalves", null, "conceicao", "", "goncalves")]
    // Turkish
    [InlineData("Çağlar", "Şahin", null, "caglar", "", "sahin")]
    [InlineData("Işıl", "Güneş", null, "isil", "", "gunes|guenes")]
    [InlineData("Ayşe", "Yılmaz", null, "ayse", "", "yilmaz")]
    // Dutch
    [InlineData("Jan", "van der Berg", null, "jan", "", "vanderberg|berg")]
    [InlineData("Pieter", "de Vries", null, "pieter", "", "devries|vries")]
    // Irish
    [InlineData("Siobhán", "O'Brien", null, "siobhan", "", "obrien")]
    [InlineData(null, null, "Mr. Seán Ó Ceallaigh", "sean", "", "oceallaigh|ceallaigh")]
    // Italian
    [InlineData("Giuseppe", "D'Angelo", null, "giuseppe|beppe|peppe", "", "dangelo")]
    [InlineData("Marco", "Di Stefano", null, "marco", "", "distefano|stefano")]
    // Vietnamese
    [InlineData("Minh", "Nguyễn", null, "minh", "", "nguyen")]
    [InlineData("Đức", "Trần", null, "duc", "", "tran")]
    [InlineData("Hoàng", "Lê", null, "hoang", "", "le")]
    // Arabic names in Latin script
    [InlineData("Ahmed", "al-Hassan", null, "ahmed", "", "alhassan|al-hassan|hassan")]
    [InlineData("Mohammed", "bin Salman", null, "mohammed", "", "binsalman|salman")]
    // English: titles, suffixes, middle names, comma form
    [InlineData(null, null, "Dr. Jane Q. Public", "jane", "q", "public")]
    [InlineData(null, null, "Public, Jane", "jane", "", "public")]
    [InlineData(null, null, "John Smith Jr.", "john", "", "smith")]
    [InlineData(null, null, "Robert Downey, Jr.", "robert|bob|rob|bobby", "", "downey")]
    [InlineData(null, null, "Martin Luther King III", "martin", "l", "king")]
    [InlineData(null, null, "Smith, John A., MBA", "john", "a", "smith")]
    [InlineData(null, null, "Ms. Mary Ann Smith, Ph.D., CPA", "mary", "a", "smith")]
    [InlineData("Mary", "Jones, PhD", null, "mary", "", "jones")]
    [InlineData("Robert \"Bob\"", "Smith", null, "robert|bob|rob|bobby", "", "smith")]
    [InlineData("Jane Public", null, null, "jane", "", "public")]
    [InlineData("Madonna", null, null, "madonna", "", "")]
    // Compound given names: cut first where that is the culture's habit, never for East Asian syllables
    [InlineData("Ana María", "Gómez", null, "ana|anamaria|am", "", "gomez")]
    [InlineData("Mary Ann", "Smith", null, "mary|maryann|ma", "", "smith")]
    [InlineData("João Lucas", "Silva", null, "joaolucas|joao|jl", "", "silva")]
    [InlineData("Mỹ Nhi", "Nguyễn", null, "mynhi", "", "nguyen")]
    [InlineData("Giao Kiều", "Trần", null, "giaokieu", "", "tran")]
    [InlineData("Min-jun", "Kim", null, "minjun|min-jun", "", "kim")]
    [InlineData("John A.", "Smith", null, "john", "a", "smith")]
    // Double family names: Spanish keep the first, Portuguese the last
    [InlineData("Ana", "Reynoso Echevarría", null, "ana", "", "reynoso|reynosoechevarria|echevarria")]
    [InlineData("Sofía", "García-López Pérez", null, "sofia", "", "garcialopez|garcialopezperez|perez")]
    [InlineData("Carla", "dos Santos Martins", null, "carla", "", "martins|dossantosmartins|santosmartins|dossantos")]
    [InlineData(null, null, "Ana María Reynoso Echevarría", "ana|anamaria|am", "", "reynoso|reynosoechevarria|echevarria")]
    [InlineData(null, null, "João Lucas dos Santos Martins", "joaolucas|joao|jl", "", "martins|dossantosmartins|santosmartins|dossantos")]
    // Family name first in a full name
    [InlineData(null, null, "Nguyễn Văn An", "an", "", "nguyen")]
    [InlineData(null, null, "Nguyễn Mỹ Nhi", "mynhi", "", "nguyen")]
    [InlineData(null, null, "Kovács János", "janos", "", "kovacs")]
    [InlineData(null, null, "Wang Xiaoming", "xiaoming", "", "wang")]
    [InlineData(null, null, "Wang Zhi Wei", "zhiwei", "", "wang")]
    [InlineData(null, null, "Tanaka Hiroshi", "hiroshi", "", "tanaka")]
    [InlineData(null, null, "Min Jun Kim", "minjun", "", "kim")]
    [InlineData(null, null, "Li Wei", "wei", "", "li")]
    [InlineData(null, null, "Wei Wang", "wei", "", "wang")]
    [InlineData(null, null, "Xu Fang", "fang", "", "xu")]
    // Nicknames both ways
    [InlineData("Bob", "Smith", null, "bob|robert", "", "smith")]
    [InlineData("Aleksandr", "Ivanov", null, "aleksandr|sasha|alex", "", "ivanov")]
    // Non-Latin scripts only with a Latin form alongside, except Cyrillic, romanised as passports write it
    [InlineData("Иван", "Петров", "Ivan Petrov", "ivan", "", "petrov")]
    [InlineData("Сергей", "Иванов", null, "sergey", "", "ivanov")]
    [InlineData(null, null, "Юлия Кузнецова", "yulia", "", "kuznetsova")]
    [InlineData("Дмитрий", "Шевченко", null, "dmitry|dima", "", "shevchenko")]
    // A single name typed into both fields; Vietnamese middle names in the first-name field
    [InlineData("Budi", "Budi", null, "budi", "", "")]
    [InlineData("Văn An", "Nguyễn", null, "an", "", "nguyen")]
    [InlineData("Thị Mỹ Nhi", "Trần", null, "mynhi", "", "tran")]
    // Hong Kong English names, in every order CRMs hold them
    [InlineData("Ivy Wing-yan", "Lau", null, "ivy", "", "lau")]
    [InlineData(null, null, "Tony Chan Tai-man", "tony|anthony|antonio", "", "chan")]
    [InlineData(null, null, "Cheung Chi-keung, Michael", "michael|mike|mick", "", "cheung")]
    [InlineData(null, null, "Chan Tai Man Peter", "peter", "", "chan")]
    // South Indian initial first: the word is the given name
    [InlineData("S.", "Ramesh", null, "ramesh", "", "s")]
    [InlineData(null, null, "K. Rajesh", "rajesh", "", "k")]
    // Japanese long vowels, with or without their macrons
    [InlineData("Yūko", "Satō", null, "yuko|yuuko", "", "sato|satou|satoh")]
    [InlineData("Shota", "Kondo", null, "shota|shouta|shohta", "", "kondo|kondou|kondoh")]
    [InlineData("Hiroshi", "Tanaka", null, "hiroshi", "", "tanaka")]
    [InlineData(null, null, "李小龍 (Bruce Lee)", "bruce", "", "lee")]
    public void Normalize_YieldsMailAdminSpellings_ForRealWorldNames(string? first, string? last, string? full, string firsts, string middles, string lasts)
    {
        var name = NameNormalizer.Normalize(first, last, full);

        Assert.NotNull(name);
        Assert.Equal(firsts, string.Join('|', name.FirstVariants));
        Assert.Equal(middles, string.Concat(name.MiddleInitials));
        Assert.Equal(lasts, string.Join('|', name.LastVariants));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", " ", "")]
    [InlineData(null, null, "Ιωάννης Παπαδόπουλος")]
    [InlineData("李", "小龍", null)]
    [InlineData(null, null, "Dr.")]
    [InlineData("Jane", "Παπαδοπούλου", null)]
    public void Normalize_ReturnsNull_WhenNoUsableLatinName(string? first, string? last, string? full)
    {
        Assert.Null(NameNormalizer.Normalize(first, last, full));
    }

    [Fact]
    public void Normalize_ExposesBestSpellings_AsFirstAndLast()
    {
        var name = NameNormalizer.Normalize("Jürgen", "Müller")!;

        Assert.Equal("jurgen", name.First);
        Assert.Equal("muller", name.Last);
        Assert.True(name.HasLast);
        Assert.Equal("", NameNormalizer.Normalize("Madonna", null)!.Last);
    }

    [Theory]
    [InlineData("Müller", "muller|mueller")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ærøskøbing", "aeroskobing|aeroeskoebing")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("O’Brien", "obrien")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("Ưng", "ung")]
    [InlineData("Đặng", "dang")]
    [InlineData("Ștefan", "stefan")]
    [InlineData("Garcia-Lopez", "garcia-lopez")]
    [InlineData("Петров", "petrov")]
    [InlineData("Соловьёв", "solovev")]
    [InlineData("Παπαδόπουλος", "")]
    [InlineData("Ōno", "ono|ouno|ohno")]
    [InlineData("123", "")]
    public void Transliterate_ReturnsAsciiVariantsBestFirst_ForToken(string token, string expected)
    {
        Assert.Equal(expected, string.Join('|', NameNormalizer.Transliterate(token)));
    }

    [Theory]
    [InlineData(null, null, "Tsai Chih Wei", "chihwei", "tsai")]
    [InlineData(null, null, "Li Wei", "li", "wei")]
    [InlineData("S.", "Ramesh", null, "s", "ramesh")]
    public void Normalize_KeepsTheOtherReading_WhenTheNameIsAmbiguous(string? first, string? last, string? full, string otherFirst, string otherLast)
    {
        var name = NameNormalizer.Normalize(first, last, full);

        Assert.NotNull(name?.Alternative);
        Assert.Equal(otherFirst, name.Alternative.First);
        Assert.Equal(otherLast, name.Alternative.Last);
    }

    [Theory]
    [InlineData("Nguyễn Văn An")]
    [InlineData("John Smith")]
    public void Normalize_HasNoAlternative_WhenTheOrderIsClear(string full)
    {
        Assert.Null(NameNormalizer.Normalize(null, null, full)!.Alternative);
    }
}
