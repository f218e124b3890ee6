using System.Collections.Frozen;

namespace Enrichment.Finding.Names;

/// <summary>
/// Small tables of common family names of cultures whose names follow other rules than the English
/// given-then-family pattern (Vietnamese, Korean, Chinese, Japanese, Hungarian, Spanish, Portuguese), each in
/// roughly descending frequency as national surname statistics rank them. A few dozen names cover a large share
/// of each population, which is all a prior needs; they decide only where a domain's own addresses say nothing.
/// </summary>
internal static class NameCulture
{
    private static readonly string[] VietnameseOrder =
    [
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly",
        "trinh", "dinh", "truong", "doan", "lam", "mai", "luong", "trieu", "quach", "ha", "cao", "ton", "thai"];

    private static readonly FrozenSet<string> Vietnamese = VietnameseOrder.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] KoreanOrder =
    [
        "kim", "lee", "yi", "park", "pak", "choi", "choe", "jung", "jeong", "chung", "kang", "cho", "jo", "yoon", "yun", "jang",
        "chang", "lim", "im", "han", "oh", "seo", "suh", "shin", "kwon", "hwang", "ahn", "an", "song", "yoo", "yu", "hong",
        "jeon", "ko", "moon", "yang", "son", "bae", "baek", "heo", "nam", "noh", "ha", "kwak", "sung", "cha", "joo", "woo", "min", "ryu"];

    private static readonly FrozenSet<string> Korean = KoreanOrder.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] ChineseOrder =
    [
        "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo",
        "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng",
        "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren",
        "shen", "yao", "zhong", "cui", "tan", "fan", "fang", "shi", "qian", "jin", "kong", "bai", "qiu", "qin", "xia",
        "chan", "wong", "cheung", "leung", "lau", "ng", "tsang", "chow", "yeung", "kwok", "tse", "chiu", "hsu", "tsai",
        // Cantonese and Taiwanese spellings of the same names (Lam = Lin, Ho = He, Lee = Li, ...)
        "lam", "ho", "lee", "tam", "yip", "mak", "fung", "lai", "kwan", "chu", "siu", "choi", "poon", "tong", "chung", "hui", "kwong",
        "fong", "chang", "hsieh", "kuo", "tseng", "chiang", "hsiao"];

    private static readonly FrozenSet<string> Chinese = ChineseOrder.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Family names of cultures that write them first in a full name (plus the East Asian ones above).</summary>
    private static readonly string[] SurnameFirstOrder =
    [
        // Japanese
        "sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito", "yamamoto", "nakamura", "kobayashi", "kato", "yoshida",
        "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue", "kimura", "shimizu", "hayashi", "saito", "yamazaki", "mori",
        "abe", "ikeda", "hashimoto", "ishikawa", "ogawa", "fujita", "okada", "goto", "hasegawa", "murakami", "kondo", "sakamoto",
        // Hungarian
        "nagy", "kovacs", "toth", "szabo", "horvath", "varga", "kiss", "molnar", "nemeth", "farkas", "balogh", "papp",
        "takacs", "juhasz", "lakatos", "meszaros", "olah", "racz", "fekete", "szucs", "torok", "feher", "pinter", "szilagyi",
        "biro", "hegedus", "vincze", "balazs", "fazekas", "kocsis", "orsos", "katona", "sipos", "lukacs", "gulyas"];

    private static readonly FrozenSet<string> SurnameFirstOnly = SurnameFirstOrder.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Vietnamese middle names that never appear in an address (Nguyễn Văn An → an).</summary>
    internal static readonly FrozenSet<string> VietnameseMiddle = Set("van", "thi");

    private static readonly FrozenSet<string> Hispanic = Set(
        "garcia", "rodriguez", "gonzalez", "fernandez", "lopez", "martinez", "sanchez", "perez", "gomez", "martin", "jimenez",
        "ruiz", "hernandez", "diaz", "moreno", "munoz", "alvarez", "romero", "alonso", "gutierrez", "navarro", "torres",
        "dominguez", "vazquez", "ramos", "gil", "ramirez", "serrano", "blanco", "molina", "morales", "suarez", "ortega",
        "delgado", "castro", "ortiz", "rubio", "marin", "sanz", "nunez", "iglesias", "medina", "garrido", "cortes", "castillo",
        "santos", "lozano", "guerrero", "cano", "prieto", "mendez", "cruz", "calvo", "gallego", "vidal", "leon", "marquez",
        "herrera", "pena", "flores", "cabrera", "campos", "vega", "fuentes", "carrasco", "diez", "reyes", "caballero", "nieto",
        "aguilar", "pascual", "santana", "herrero", "lorenzo", "hidalgo", "montero", "ibanez", "gimenez", "ferrer", "duran",
        "vicente", "benitez", "mora", "arias", "vargas", "carmona", "crespo", "roman", "pastor", "soto", "saez", "velasco",
        "rojas", "chavez", "mendoza", "rivera", "juarez", "salazar", "espinoza", "echevarria", "reynoso", "castaneda", "zapata");

    private static readonly FrozenSet<string> Lusophone = Set(
        "silva", "santos", "oliveira", "souza", "sousa", "rodrigues", "ferreira", "alves", "pereira", "lima", "gomes", "costa",
        "ribeiro", "martins", "carvalho", "almeida", "lopes", "soares", "fernandes", "vieira", "barbosa", "rocha", "dias",
        "nascimento", "andrade", "moreira", "nunes", "marques", "machado", "mendes", "freitas", "cardoso", "ramos", "goncalves",
        "santana", "teixeira", "araujo", "pinto", "cavalcanti", "correia", "monteiro", "fonseca", "magalhaes", "azevedo",
        "campos", "moura", "batista", "conceicao", "miranda", "tavares", "medeiros", "pires", "coelho", "borges", "jesus");

    private static readonly FrozenSet<string> LusophoneGiven = Set(
        "joao", "goncalo", "luiz", "thiago", "vitoria", "leticia", "sebastiao", "conceicao", "vinicius", "matheus", "caio");

    private static FrozenSet<string> Set(params string[] names) => FrozenSet.Create(StringComparer.Ordinal, names);

    /// <summary>True when the (folded) token is a common family name of a culture that writes it first.</summary>
    public static bool IsSurnameFirstFamilyName(string folded) => SurnameFirstRank(folded) is not null;

    /// <summary>
    /// How common the (folded) token is as a family name of a culture that writes it first: its place in its
    /// frequency list (0 = most common: Nguyen, Kim, Wang, Sato, Nagy), null when it is none. Where both ends of a
    /// full name are such names ("Li Wei", "Min Jun Kim"), the more common one is the family name.
    /// </summary>
    public static int? SurnameFirstRank(string folded) => SurnameFirstRanks.TryGetValue(folded, out var rank) ? rank : null;

    private static readonly FrozenDictionary<string, int> SurnameFirstRanks = BuildRanks();

    private static FrozenDictionary<string, int> BuildRanks()
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in new[] { VietnameseOrder, KoreanOrder, ChineseOrder, SurnameFirstOrder })
        {
            for (var i = 0; i < list.Length; i++)
            {
                ranks[list[i]] = Math.Min(ranks.GetValueOrDefault(list[i], int.MaxValue), i);
            }
        }

        return ranks.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static bool IsEastAsianFamilyName(string folded) =>
        Vietnamese.Contains(folded) || Korean.Contains(folded) || Chinese.Contains(folded);

    /// <summary>A common Chinese family name (pinyin, Wade-Giles or Cantonese spelling).</summary>
    public static bool IsChineseFamilyName(string folded) => Chinese.Contains(folded);

    public static bool IsVietnameseFamilyName(string folded) => Vietnamese.Contains(folded);

    public static bool IsIberianFamilyName(string folded) =>
        Hispanic.Contains(folded) || Lusophone.Contains(folded) || (folded.Length > 4 && folded.EndsWith("ez", StringComparison.Ordinal));

    /// <summary>
    /// The culture the name's folded tokens point to. East Asian needs an East Asian family name and given-name parts
    /// that look like syllables (short); Lusophone wins over Hispanic only on Portuguese evidence (a Portuguese family
    /// name not also Spanish, a Portuguese given name, or ã/õ in the original).
    /// </summary>
    public static NameCultureHint Detect(IReadOnlyList<string> givenParts, IReadOnlyList<string> familyParts, bool portugueseLetters)
    {
        if (familyParts.Count == 1 && IsEastAsianFamilyName(familyParts[0]) && givenParts.Count >= 2 && givenParts.All(p => p.Length <= 5))
        {
            return NameCultureHint.EastAsian;
        }

        var lusophone = portugueseLetters
            || familyParts.Any(p => Lusophone.Contains(p) && !Hispanic.Contains(p))
            || givenParts.Any(LusophoneGiven.Contains);
        if (lusophone && familyParts.Any(p => Lusophone.Contains(p) || Hispanic.Contains(p)))
        {
            return NameCultureHint.Lusophone;
        }

        return familyParts.Any(IsIberianFamilyName) ? NameCultureHint.Hispanic : NameCultureHint.None;
    }
}
