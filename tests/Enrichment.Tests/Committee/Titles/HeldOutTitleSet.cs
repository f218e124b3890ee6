using Enrichment.Committee.Titles;

namespace Enrichment.Tests.Committee.Titles;

/// <summary>The held-out titles (written before the classifier) and the classifier's accuracy on them, per field and language.</summary>
internal static class HeldOutTitleSet
{
    public sealed record Case(string Language, string Title, string Seniority, string Department, string Role);

    public sealed record Score(string Language, int Count, int Seniority, int Department, int Role);

    public static IReadOnlyList<Case> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Committee", "Titles", file);
        return File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .Select(f => new Case(f[0], f[1], f[2], f[3], f[4])).ToList();
    }

    public static (List<Score> Scores, List<string> Misses) Evaluate(IReadOnlyList<Case> cases)
    {
        var misses = new List<string>();
        var scores = new List<Score>();
        foreach (var group in cases.GroupBy(c => c.Language).Append(cases.GroupBy(_ => "all").Single()))
        {
            int s = 0, d = 0, r = 0;
            foreach (var c in group)
            {
                var got = TitleClassifier.Classify(c.Title);
                var ok = (got.Seniority.Name() == c.Seniority, got.Department.Name() == c.Department, got.Role.Name() == c.Role);
                s += ok.Item1 ? 1 : 0;
                d += ok.Item2 ? 1 : 0;
                r += ok.Item3 ? 1 : 0;
                if (group.Key != "all" && !(ok.Item1 && ok.Item2 && ok.Item3))
                {
                    misses.Add($"{c.Language}\t{c.Title}\twant {c.Seniority}/{c.Department}/{c.Role}\tgot {got.Seniority.Name()}/{got.Department.Name()}/{got.Role.Name()}");
                }
            }

            scores.Add(new Score(group.Key, group.Count(), s, d, r));
        }

        return (scores, misses);
    }
}
