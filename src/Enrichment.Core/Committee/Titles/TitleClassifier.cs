namespace Enrichment.Committee.Titles;

/// <summary>
/// Title → seniority, department and committee role, by the rules of COMMITTEE.md: the first matching seniority rule
/// wins; the leftmost named function is the department, except that a functional C-level title decides it
/// ("COO &amp; CFO" → operations); the role comes from <see cref="RoleMatrix"/>. Pure and thread-safe: the vocabularies
/// are compiled once, on first use.
/// </summary>
public static class TitleClassifier
{
    private static readonly PhraseTable<SeniorityCue> Ranks = new(SeniorityVocabulary.Entries());
    // Inside a compound, a weak word or a job noun never hides a function word: "Löneadministratör" is payroll.
    private static readonly PhraseTable<DepartmentCue> Functions = new(DepartmentVocabulary.Entries(), (outer, inner) => outer.Strong || !inner.Strong);

    // "Assistant Buyer" is a junior buyer; only the head-first languages read the first word as the noun.
    private static readonly HashSet<string> EnglishAssistant = new(StringComparer.Ordinal) { "assistant", "asst", "assistants" };

    // French spells it "assistant" too; these words after it are adjectives ("Assistant commercial"), not the noun.
    private static readonly HashSet<string> FrenchAdjectives = new(StringComparer.Ordinal)
    {
        "commercial", "commerciale", "comptable", "administratif", "administrative", "juridique", "technique", "logistique", "rh",
        "export", "achats", "communication", "qualite", "direction", "paie",
    };

    private static readonly TitleClassification Empty = new(Seniority.Unknown, Department.Other, CommitteeRole.None);

    // Words that join an assistant to the person assisted: "Assistant to the CEO", "Assistentin der Geschäftsführung".
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "to", "of", "for", "de", "der", "des", "dem", "den", "du", "au", "aux", "a", "del", "della", "dello", "alla", "al", "alle", "di", "da",
        "do", "dos", "das", "na", "no", "dla", "van", "voor", "till", "hos", "at",
    };

    public static TitleClassification Classify(string? title)
    {
        var tokens = TitleText.Tokens(title);
        if (tokens.Length == 0)
        {
            return Empty;
        }

        var ranks = Ranks.Find(tokens);
        var assistantTo = false;
        string[] boss = [];
        var assistant = ranks.FindIndex(h => h.Value.Cue == Cue.Assistant || (tokens[h.Start] == "chief" && h.Length == 3 && tokens[h.Start + 1] == "of"));
        if (assistant >= 0 && ranks[assistant].End < tokens.Length && Connectors.Contains(tokens[ranks[assistant].End]))
        {
            // The words after "to" name the boss, not the holder: "Executive Assistant to the CEO" is an assistant.
            boss = tokens[(ranks[assistant].End + 1)..];
            tokens = tokens[..ranks[assistant].End];
            ranks = Ranks.Find(tokens);
            assistantTo = true;
        }

        if (Has(ranks, Cue.Status))
        {
            return Empty;
        }

        var functions = Functions.Find(tokens);
        var (seniority, rankDepartment, open) = ReadSeniority(tokens, ranks, functions);
        var strong = functions.Find(f => f.Value.Strong);
        var department = ReadDepartment(seniority, rankDepartment, open, functions, strong);
        if (assistantTo && !strong.Value.Strong)
        {
            var bossStrong = Functions.Find(boss).Find(f => f.Value.Strong);
            department = bossStrong.Value.Strong && bossStrong.Value.Department != Department.Executive && !Ranks.Find(boss).Exists(h => h.Value.Cue == Cue.CLevel)
                ? bossStrong.Value.Department
                : Department.Executive;
        }

        // Risk, audit and compliance are finance and legal words, unless the title says IT or information security.
        if (department is Department.Finance or Department.Legal && strong.Value.Governance && strong.Value.Department == department
            && functions.Exists(f => f.Value.Strong && f.Value.Department is Department.Security or Department.It))
        {
            department = Department.Security;
        }

        var governance = department == Department.Security && functions.Exists(f => f.Value.Governance);
        var trainee = Has(ranks, Cue.Trainee);
        if (department == Department.Procurement && rankDepartment == Department.Product)
        {
            governance = false;
        }

        return new TitleClassification(seniority, department, RoleMatrix.Role(seniority, department, governance, trainee), governance, trainee);
    }

    private static (Seniority Seniority, Department? Department, bool Open) ReadSeniority(
        string[] tokens, List<PhraseTable<SeniorityCue>.Hit> ranks, List<PhraseTable<DepartmentCue>.Hit> functions)
    {
        // "Chief … Officer" in any spelling of the middle: the words between name the function.
        var chief = Array.IndexOf(tokens, "chief");
        if (chief >= 0)
        {
            var officer = Array.IndexOf(tokens, "officer", chief + 1);
            if (officer > chief + 1 && officer - chief <= 6)
            {
                var inner = functions.Where(f => f.Start >= chief && f.Start < officer && f.Value.Department != Department.Executive).ToList();
                var department = inner.Count == 0 ? Department.Executive : (inner.Find(f => f.Value.Strong) is { Value.Strong: true } s ? s : inner[0]).Value.Department;
                return (IsDeputy(tokens, ranks, chief, officer + 1) ? Seniority.Vp : Seniority.CLevel, department, false);
            }
        }

        // C-level words in order; the first functional one keeps its department for dual titles ("COO & CFO").
        Department? functional = null;
        var anyCLevel = false;
        var deputyCLevel = false;
        Department? deputyDepartment = null;
        var alwaysExecutive = false;
        foreach (var hit in ranks)
        {
            if (hit.Value.Cue != Cue.CLevel)
            {
                continue;
            }

            var department = hit.Value.Department ?? Department.Executive;
            if (tokens[hit.Start] == "cpo")
            {
                department = CpoDepartment(functions);
            }

            if (IsDeputy(tokens, ranks, hit.Start, hit.End))
            {
                deputyCLevel = true;
                deputyDepartment ??= department;
                continue;
            }

            anyCLevel = true;
            if (department != Department.Executive)
            {
                functional ??= department;
            }
            else if (!hit.Value.Open)
            {
                alwaysExecutive = true;
            }
        }

        if (anyCLevel)
        {
            return (Seniority.CLevel, functional ?? Department.Executive, functional is null && !alwaysExecutive);
        }

        if (deputyCLevel || Has(ranks, Cue.Vp))
        {
            return (Seniority.Vp, deputyDepartment is Department.Executive ? null : deputyDepartment, false);
        }

        if (Has(ranks, Cue.Director) || (chief >= 0 && !ranks.Exists(h => h.Start <= chief && h.End > chief && h.Value.Cue is Cue.Manager or Cue.SeniorIc or Cue.Ic)))
        {
            return (Seniority.Director, null, false);
        }

        if (Has(ranks, Cue.Manager))
        {
            return (Seniority.Manager, null, false);
        }

        var ic = Has(ranks, Cue.Ic) || (Has(ranks, Cue.Partner) && functions.Exists(f => f.Value.Department != Department.Other));
        if (Has(ranks, Cue.SeniorIc) || Has(ranks, Cue.Lead) || (ic && (Has(ranks, Cue.SeniorModifier) || Has(ranks, Cue.HighLevel))))
        {
            return (Seniority.SeniorIc, null, false);
        }

        // Romance and Polish titles put the noun first: "Assistante commerciale" is an assistant, not a commercial.
        if (ranks.Count > 0 && ranks[0].Start == 0 && ranks[0].Value.Cue == Cue.Assistant
            && (!EnglishAssistant.Contains(tokens[0]) || (tokens.Length > 1 && FrenchAdjectives.Contains(tokens[1]))))
        {
            return (Seniority.Assistant, null, false);
        }

        if (ic || Has(ranks, Cue.Trainee))
        {
            return (Seniority.Ic, null, false);
        }

        return (Has(ranks, Cue.Assistant) ? Seniority.Assistant : Seniority.Unknown, null, false);
    }

    private static Department ReadDepartment(
        Seniority seniority, Department? rankDepartment, bool open, List<PhraseTable<DepartmentCue>.Hit> functions, PhraseTable<DepartmentCue>.Hit strong)
    {
        if (seniority == Seniority.CLevel && rankDepartment is { } fromRank && !(open && strong.Value.Strong && strong.Value.Department != Department.Other))
        {
            return fromRank;
        }

        if (strong.Value.Strong && !(strong.Value.Department == Department.Executive && rankDepartment is { } d && d != Department.Executive))
        {
            return strong.Value.Department;
        }

        if (rankDepartment is { } rank)
        {
            return rank;
        }

        // Operations is what a project manager or an assistant works in when no other function is named.
        var named = functions.FindIndex(f => !f.Value.Noun && f.Value.Department != Department.Operations);
        named = named >= 0 ? named : functions.FindIndex(f => !f.Value.Noun);
        named = named >= 0 ? named : functions.FindIndex(f => f.Value.Department != Department.Operations);
        if (named >= 0)
        {
            return functions[named].Value.Department;
        }

        return functions.Count > 0 || seniority == Seniority.Assistant ? Department.Operations
            : seniority is Seniority.CLevel or Seniority.Vp ? Department.Executive
            : Department.Other;
    }

    /// <summary>CPO is product, procurement or people: the title's other words decide, product when none do.</summary>
    private static Department CpoDepartment(List<PhraseTable<DepartmentCue>.Hit> functions) =>
        functions.Find(f => f.Value.Department is Department.Procurement or Department.Hr) is { Value.Strong: true } named
            ? named.Value.Department
            : Department.Product;

    /// <summary>A deputy word right before the title ("Deputy CEO", "stv. Geschäftsführer") or right after ("DG adjoint").</summary>
    private static bool IsDeputy(string[] tokens, List<PhraseTable<SeniorityCue>.Hit> ranks, int start, int end)
    {
        foreach (var hit in ranks)
        {
            if (hit.Value.Cue == Cue.Deputy && (hit.End == start || (hit.End == start - 1 && tokens[start - 1] is "the" or "of")
                    || (hit.End == start - 2 && tokens[start - 1] == "the")))
            {
                return true;
            }

            if (hit.Value.Cue == Cue.DeputyAfter && hit.Start == end)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Has(List<PhraseTable<SeniorityCue>.Hit> ranks, Cue cue)
    {
        foreach (var hit in ranks)
        {
            if (hit.Value.Cue == cue)
            {
                return true;
            }
        }

        return false;
    }
}
