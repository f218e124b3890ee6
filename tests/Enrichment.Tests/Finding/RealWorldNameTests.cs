using Enrichment.Finding.Names;
using Enrichment.Finding.Patterns;

namespace Enrichment.Tests.Finding;

/// <summary>The rules of issue 8, one table each: namesakes, compound names, transliteration, nicknames, mixed formats.</summary>
public class RealWorldNameTests
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <summary>"local=First/Last" known addresses, separated by spaces.</summary>
    private static List<KnownAddress> Known(string known) =>
        known.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(k => k.Split('=', '/'))
            .Select(p => new KnownAddress(p[0], p[1].Replace('_', ' '), p[2].Replace('_', ' ')))
            .ToList();

    private static IReadOnlyList<string> Guess(string known, string first, string last, IReadOnlySet<string>? taken = null)
    {
        var addresses = Known(known);
        var d = PatternLearner.Learn("example.com", addresses);
        taken ??= addresses.Select(a => a.LocalPart).ToHashSet(StringComparer.Ordinal);
        return CandidateGenerator.Generate(NameNormalizer.Normalize(first, last)!, d, taken).Select(c => c.LocalPart).ToList();
    }

    [Theory]
    [InlineData("john.smith=John/Smith mary.jones=Mary/Jones john.a.smith=John/Smith", "Peter_R.", "Jones", "peter.jones", "peter.r.jones")]
    [InlineData("jsmith=John/Smith josmith=Joan/Smith mbrown=Mary/Brown", "Paula", "Brown", "pbrown", "pabrown")]
    [InlineData("ann.lee=Ann/Lee tom.ray=Tom/Ray tom.ray1=Tom/Ray", "Ann", "Lee", "ann.lee", "ann.lee1")]
    [InlineData("ann.lee=Ann/Lee bob.ray=Bob/Ray", "Ann", "Lee", "ann.lee", "ann.lee2")]
    public void Generate_FollowsDomainsCollisionScheme_WhenPlainFormIsTaken(string known, string first, string last, string holder, string expected)
    {
        var addresses = Known(known);
        var taken = addresses.Select(a => a.LocalPart).Append(holder).ToHashSet(StringComparer.Ordinal);

        var candidates = Guess(known, first.Replace('_', ' '), last, taken);

        Assert.Equal(expected, candidates[0]);
        Assert.DoesNotContain(holder, candidates);
    }

    [Theory]
    [InlineData("john.a.smith", "John", "Smith", AddressFormat.FirstDotLast, CollisionScheme.MiddleInitial)]
    [InlineData("jasmith", "John", "Smith", AddressFormat.FLast, CollisionScheme.MiddleInitial)]
    [InlineData("josmith", "John", "Smith", AddressFormat.FLast, CollisionScheme.MoreLetters)]
    [InlineData("smith.jo", "John", "Smith", AddressFormat.LastDotF, CollisionScheme.MoreLetters)]
    [InlineData("j.q.smith", "John", "Smith", AddressFormat.FDotLast, CollisionScheme.MiddleInitial)]
    public void Recognise_NamesFormatAndScheme_WhenAddressIsACollisionForm(string local, string first, string last, AddressFormat format, CollisionScheme scheme)
    {
        Assert.Equal((format, scheme), CollisionForms.Recognise(local, first.ToLowerInvariant(), last.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("john.smith", "John", "Smith")]
    [InlineData("js", "John", "Smith")]
    [InlineData("jsmith", "John", "Smith")]
    public void Recognise_ReturnsNull_WhenAddressIsNoCollisionForm(string local, string first, string last)
    {
        Assert.Null(CollisionForms.Recognise(local, first.ToLowerInvariant(), last.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("john.smith2=John/Smith", CollisionScheme.NumberFromTwo)]
    [InlineData("john.smith1=John/Smith", CollisionScheme.NumberFromOne)]
    [InlineData("john.a.smith=John/Smith", CollisionScheme.MiddleInitial)]
    [InlineData("josmith=John/Smith", CollisionScheme.MoreLetters)]
    public void Learn_CountsCollisionScheme_WhenKnownAddressShowsOne(string known, CollisionScheme scheme)
    {
        var d = PatternLearner.Learn("example.com", Known(known));

        Assert.Equal(1, d.Collisions.Count(scheme));
        Assert.Equal(1, d.Collisions.Total);
    }

    [Theory]
    [InlineData("", "maria.garcia", "maria.garcia2")]
    [InlineData("maria.garcia", "maria.garcia2", "maria.garcia")]
    public void GenerateContested_GivesEachRowADifferentBest_WhenRowsShareOne(string claimed, string best, string runnerUp)
    {
        var d = PatternLearner.Learn("example.com", Known("anna.berg=Anna/Berg paul.lind=Paul/Lind"));
        var claimedBefore = claimed.Length == 0 ? new HashSet<string>() : new HashSet<string> { claimed };

        var candidates = CandidateGenerator.GenerateContested(NameNormalizer.Normalize("Maria", "Garcia")!, d, None, claimedBefore, "maria.garcia");

        Assert.Equal([best, runnerUp], candidates.Take(2).Select(c => c.LocalPart));
    }

    [Theory]
    // No evidence: the culture's prior decides.
    [InlineData("", "Ana María", "Gómez", "ana.gomez")]
    [InlineData("", "João Lucas", "Silva", "joaolucas.silva")]
    [InlineData("", "Mỹ Nhi", "Nguyễn", "mynhi.nguyen")]
    [InlineData("", "Ana", "Reynoso Echevarría", "ana.reynoso")]
    [InlineData("", "Carla", "dos Santos Martins", "carla.martins")]
    // The domain's own convention wins over the prior.
    [InlineData("anamaria.lopez=Ana_María/López luis.ruiz=Luis/Ruiz", "José Luis", "Martínez", "joseluis.martinez")]
    [InlineData("joao.silva=João_Pedro/Silva ana.costa=Ana/Costa", "João Lucas", "Souza", "joao.souza")]
    [InlineData("ana.reynosoechevarria=Ana/Reynoso_Echevarría luis.ruiz=Luis/Ruiz", "Pedro", "García Núñez", "pedro.garcianunez")]
    // Keeping the father's family name carries over between Spanish and Portuguese order.
    [InlineData("luis.echevarria=Luis/Reynoso_Echevarría ana.ruiz=Ana/Ruiz", "Carla", "dos Santos Martins", "carla.dossantos")]
    [InlineData("luis.reynoso=Luis/Reynoso_Echevarría ana.ruiz=Ana/Ruiz", "Carla", "dos Santos Martins", "carla.martins")]
    // A hyphen kept in one name is kept in the other kind too.
    [InlineData("anne-laure.petit=Anne-Laure/Petit ana.ruiz=Ana/Ruiz", "Karl", "Müller-Lüdenscheidt", "karl.muller-ludenscheidt")]
    [InlineData("", "Karl", "Müller-Lüdenscheidt", "karl.mullerludenscheidt")]
    // East Asian given names are never cut, whatever the domain does with "Ana María".
    [InlineData("ana.lopez=Ana_María/López luis.ruiz=Luis/Ruiz", "Bảo Anh", "Trần", "baoanh.tran")]
    public void Generate_SpellsCompoundNames_ByDomainThenCulture(string known, string first, string last, string expected)
    {
        Assert.Equal(expected, Guess(known, first, last)[0]);
    }

    [Theory]
    [InlineData("", "Jürgen", "Müller", "jurgen.muller", "juergen.mueller")]
    [InlineData("", "Åsa", "Ødegård", "asa.odegard", "aasa.oedegaard")]
    public void Generate_RanksBothTransliterationsInTopThree_WhenDomainGivesNoHint(string known, string first, string last, string folded, string expanded)
    {
        var top3 = Guess(known, first, last).Take(3).ToList();

        Assert.Equal(folded, top3[0]);
        Assert.Contains(expanded, top3);
    }

    [Theory]
    [InlineData("soeren.berg=Sören/Berg", "Jürgen", "Müller", "juergen.mueller")]
    [InlineData("aase.lind=Åse/Lind", "Bjørn", "Dæhlie", "bjoern.daehlie")]
    [InlineData("joerg.weiss=Jörg/Weiß", "Günter", "Groß", "guenter.gross")]
    [InlineData("jorg.weiss=Jörg/Weiß", "Günter", "Böhm", "gunter.bohm")]
    public void Generate_AppliesDomainsTransliteration_ToEveryone(string known, string first, string last, string expected)
    {
        Assert.Equal(expected, Guess(known, first, last)[0]);
    }

    [Theory]
    [InlineData("Robert", "Smith", "robert.smith", "bob.smith")]
    [InlineData("Elizabeth", "Brown", "elizabeth.brown", "liz.brown")]
    [InlineData("Aleksandr", "Ivanov", "aleksandr.ivanov", "sasha.ivanov")]
    public void Generate_OffersNicknameInTopThreeNeverFirst_WhenFormatIsKnown(string first, string last, string best, string nickname)
    {
        var candidates = Guess("mary.jones=Mary/Jones paul.lind=Paul/Lind ann.berg=Ann/Berg", first, last);

        Assert.Equal(best, candidates[0]);
        Assert.Contains(nickname, candidates.Take(3));
    }

    [Theory]
    [InlineData("mary.jones=Mary/Jones paul.lind=Paul/Lind ann.berg=Ann/Berg tkoch=Tom/Koch", "Eva", "Holm", "eva.holm", "eholm")]
    [InlineData("mjones=Mary/Jones plind=Paul/Lind aberg=Ann/Berg tom.koch=Tom/Koch", "Eva", "Holm", "eholm", "eva.holm")]
    public void Generate_KeepsMinorityFormatInTopThree_WhenDomainMixesFormats(string known, string first, string last, string best, string minority)
    {
        var candidates = Guess(known, first, last);

        Assert.Equal(best, candidates[0]);
        Assert.Contains(minority, candidates.Take(3));
    }

    [Theory]
    [InlineData("david-jo=David/Jones robert-m=Robert/Miller ingrid-a=Ingrid/Andersson", "Sarah", "Johnson", "sarah-jo")]
    [InlineData("jsmith=John/Smith pgonzale=Pedro/Gonzalez", "Maria", "Fernandez", "mfernand")]
    public void Generate_CutsCandidatesToTheDomainsLengthLimit_WhenKnownAddressesAreCut(string known, string first, string last, string expected)
    {
        Assert.Equal(expected, Guess(known, first, last)[0]);
    }

    [Theory]
    [InlineData("david-jo=David/Jones maximilian-schmidt=Maximilian/Schmidt")]
    [InlineData("jsmit=John/Smith")]
    [InlineData("john.smith=John/Smith")]
    public void Learn_LearnsNoLengthLimit_WhenAWholeLongerAddressOrNoLongCutIsSeen(string known)
    {
        Assert.Equal(0, PatternLearner.Learn("example.com", Known(known)).MaxLength);
    }

    [Fact]
    public void Generate_RanksTheAlternativeReadingWithinTopThree_ForAnInitialAsGivenName()
    {
        var candidates = Guess("anna.meier=Anna/Meier peter.braun=Peter/Braun", "S.", "Ramesh");

        Assert.Equal("ramesh.s", candidates[0]);
        Assert.Contains("s.ramesh", candidates.Take(3));
    }

    [Theory]
    [InlineData("hsiao-ming.wu=Hsiao-ming/Wu ya-ting.huang=Ya-ting/Huang", "chih-wei.chen")]
    [InlineData("hsiaoming.wu=Hsiao-ming/Wu yating.huang=Ya-ting/Huang", "chihwei.chen")]
    [InlineData("anna.meier=Anna/Meier peter.braun=Peter/Braun", "chihwei.chen")]
    public void Generate_FollowsTheDomainsHyphenHabit_ForEastAsianGivenNames(string known, string expected)
    {
        Assert.Equal(expected, Guess(known, "Chih-wei", "Chen")[0]);
    }

    [Fact]
    public void Generate_OffersWrittenOutLongVowels_WhereTheDomainWritesThem()
    {
        var candidates = Guess("takeshi.satoh=Takeshi/Sato kenji.itoh=Kenji/Ito", "Hiroshi", "Kondo");

        Assert.StartsWith("hiroshi.kondo", candidates[0], StringComparison.Ordinal);
        Assert.NotEqual("hiroshi.kondo", candidates[0]);
        Assert.Contains("hiroshi.kondoh", candidates.Take(3));
    }
}
