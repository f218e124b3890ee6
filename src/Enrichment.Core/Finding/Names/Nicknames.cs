using System.Collections.Frozen;

namespace Enrichment.Finding.Names;

/// <summary>
/// Common hypocorisms: the name a person goes by, which their address often uses instead of the one in the CRM
/// (Robert → bob, Elizabeth → liz, Aleksandr → sasha), and the way back (a CRM holding "Bob" whose address says
/// robert). A small table of the most frequent pairs in English, Spanish, Italian, German, Russian, Polish and
/// Greek; offered as low-ranked candidates, never as the best guess.
/// </summary>
internal static class Nicknames
{
    private static readonly (string Formal, string[] Short)[] Pairs =
    [
        ("robert", ["bob", "rob", "bobby"]), ("william", ["bill", "will", "billy"]), ("richard", ["rick", "rich", "dick"]),
        ("michael", ["mike", "mick"]), ("elizabeth", ["liz", "beth", "betty", "lisa"]), ("james", ["jim", "jamie", "jimmy"]),
        ("joseph", ["joe", "joey"]), ("charles", ["charlie", "chuck"]), ("daniel", ["dan", "danny"]), ("matthew", ["matt"]),
        ("anthony", ["tony"]), ("jennifer", ["jen", "jenny"]), ("patricia", ["pat", "trish", "patty"]),
        ("rebecca", ["becky", "becca"]), ("thomas", ["tom", "tommy"]), ("david", ["dave"]), ("susan", ["sue", "susie"]),
        ("barbara", ["barb"]), ("kevin", ["kev"]), ("jessica", ["jess"]), ("christopher", ["chris"]),
        ("christina", ["chris", "tina"]), ("katherine", ["kate", "katie", "kathy"]), ("catherine", ["cathy", "kate"]),
        ("margaret", ["maggie", "peggy", "meg"]), ("edward", ["ed", "ted", "eddie"]), ("benjamin", ["ben"]),
        ("samuel", ["sam"]), ("samantha", ["sam"]), ("alexander", ["alex"]), ("alexandra", ["alex", "sandra"]),
        ("nicholas", ["nick"]), ("andrew", ["andy", "drew"]), ("jonathan", ["jon"]), ("timothy", ["tim"]),
        ("stephen", ["steve"]), ("steven", ["steve"]), ("gregory", ["greg"]), ("jeffrey", ["jeff"]), ("kenneth", ["ken"]),
        ("ronald", ["ron"]), ("donald", ["don"]), ("raymond", ["ray"]), ("lawrence", ["larry"]), ("gerald", ["gerry"]),
        ("frederick", ["fred"]), ("victoria", ["vicky"]), ("deborah", ["debbie", "deb"]), ("pamela", ["pam"]),
        ("cynthia", ["cindy"]), ("abigail", ["abby"]), ("gabriel", ["gabe"]), ("zachary", ["zach"]), ("joshua", ["josh"]),
        ("nathaniel", ["nate"]), ("nathan", ["nate"]), ("philip", ["phil"]), ("douglas", ["doug"]),
        // Spanish, Portuguese, Italian
        ("alejandro", ["alex"]), ("alessandro", ["alex"]), ("francisco", ["paco", "fran", "pancho"]), ("jose", ["pepe"]),
        ("ignacio", ["nacho"]), ("guadalupe", ["lupe"]), ("giuseppe", ["beppe", "peppe"]), ("antonio", ["toni", "tony"]),
        ("manuel", ["manu", "manolo"]), ("concepcion", ["concha"]), ("dolores", ["lola"]), ("enrique", ["quique"]),
        // German, Dutch, Nordic
        ("johannes", ["hans"]), ("maximilian", ["max"]), ("wolfgang", ["wolf"]), ("andreas", ["andi"]),
        ("katharina", ["kathi", "katja"]), ("christian", ["chris"]), ("matthias", ["matze"]),
        // Russian, Polish, Greek, Nigerian
        ("aleksandr", ["sasha", "alex"]), ("alexandr", ["sasha", "alex"]), ("dmitry", ["dima"]), ("dmitri", ["dima"]),
        ("mikhail", ["misha"]), ("ekaterina", ["katya"]), ("yekaterina", ["katya"]), ("natalia", ["natasha"]),
        ("natalya", ["natasha"]), ("tatiana", ["tanya"]), ("anastasia", ["nastya"]), ("vladimir", ["vova", "volodya"]),
        ("katarzyna", ["kasia"]), ("malgorzata", ["gosia"]), ("aleksandra", ["ola"]), ("nikolaos", ["nikos"]),
        ("konstantinos", ["kostas"]), ("oluwaseun", ["seun"]), ("chukwuemeka", ["emeka"]), ("babatunde", ["tunde"]),
    ];

    private static readonly FrozenDictionary<string, string[]> Table = Build();

    /// <summary>Other names the same person may go by, for a folded lowercase given name; empty when none is known.</summary>
    public static IReadOnlyList<string> For(string given) => Table.TryGetValue(given, out var names) ? names : [];

    private static FrozenDictionary<string, string[]> Build()
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string from, string to)
        {
            if (!map.TryGetValue(from, out var list))
            {
                map[from] = list = [];
            }

            if (!list.Contains(to, StringComparer.Ordinal))
            {
                list.Add(to);
            }
        }

        foreach (var (formal, shorts) in Pairs)
        {
            foreach (var s in shorts)
            {
                Add(formal, s);
                Add(s, formal);
            }
        }

        return map.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
