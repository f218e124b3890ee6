using System.Globalization;
using Enrichment.Finding.Names;
using Enrichment.Finding.Patterns;
using Enrichment.Testing.Finding;

namespace Enrichment.Benchmarks;

/// <summary>
/// finding-accuracy [--companies N] [--seed S]: learns each synthetic company's formats from its known
/// addresses, ranks candidates for its target people and scores top-1/top-3 against the truth, next to a
/// naive "always first.last" guesser measured on the same people. Exit code 0 when the targets are met
/// (top-1 ≥ 85 % with 2+ known addresses, top-3 ≥ 95 % there too), 1 when not, 2 on bad arguments.
/// </summary>
public static class FindingAccuracy
{
    private sealed class Tally
    {
        public int Count;
        public int Top1;
        public int Top3;
        public int Baseline;

        public void Add(bool top1, bool top3, bool baseline)
        {
            Count++;
            Top1 += top1 ? 1 : 0;
            Top3 += top3 ? 1 : 0;
            Baseline += baseline ? 1 : 0;
        }

        public double Rate(int hits) => Count == 0 ? double.NaN : (double)hits / Count;
    }

    public static int Run(string[] args)
    {
        var companies = 2000;
        var seed = 20260101;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--companies" && i + 1 < args.Length && int.TryParse(args[++i], out var n) && n > 0)
            {
                companies = n;
            }
            else if (args[i] == "--seed" && i + 1 < args.Length && int.TryParse(args[++i], out var s))
            {
                seed = s;
            }
            else if (args[i] != "finding-accuracy")
            {
                Console.Error.WriteLine("usage: finding-accuracy [--companies N] [--seed S]");
                return 2;
            }
        }

        var set = EvaluationSet.Generate(companies, seed);
        var tallies = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        Tally T(string key) => tallies.TryGetValue(key, out var t) ? t : tallies[key] = new Tally();

        foreach (var company in set)
        {
            var distribution = PatternLearner.Learn(company.Domain, company.Known);
            var taken = company.Known.Select(k => k.LocalPart.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            var knownBucket = company.NamedKnownCount switch
            {
                0 => "known 0",
                1 => "known 1",
                <= 3 => "known 2-3",
                _ => "known 4+",
            };

            foreach (var target in company.Targets)
            {
                var name = NameNormalizer.Normalize(target.FirstName, target.LastName, target.FullName);
                var candidates = name is null ? [] : CandidateGenerator.Generate(name, distribution, taken, 10);
                var top1 = candidates.Count > 0 && candidates[0].LocalPart == target.TrueLocalPart;
                var top3 = candidates.Take(3).Any(c => c.LocalPart == target.TrueLocalPart);
                var baseline = name is not null && name.HasLast && $"{name.First}.{name.Last}" == target.TrueLocalPart;

                T("all").Add(top1, top3, baseline);
                T(knownBucket).Add(top1, top3, baseline);
                if (company.NamedKnownCount >= 2)
                {
                    T("known 2+").Add(top1, top3, baseline);
                }

                T(company.Secondary is null ? "company: one format" : "company: two formats").Add(top1, top3, baseline);
                foreach (var trait in Enum.GetValues<NameTraits>().Where(t => t != NameTraits.None && target.Traits.HasFlag(t)))
                {
                    T($"name: {trait}").Add(top1, top3, baseline);
                }

                if (target.Namesake)
                {
                    T("name: namesake in company").Add(top1, top3, baseline);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"finding-accuracy: {companies} companies, seed {seed}, {tallies["all"].Count} target people"));
        Console.WriteLine($"{"slice",-28} {"n",6} {"top-1",7} {"top-3",7} {"first.last",11} {"top-1/base",11}");
        foreach (var key in new[] { "all", "known 0", "known 1", "known 2-3", "known 4+", "known 2+" }.Concat(tallies.Keys.Where(k => !k.StartsWith("all") && !k.StartsWith("known"))))
        {
            if (!tallies.TryGetValue(key, out var t))
            {
                continue;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{key,-28} {t.Count,6} {t.Rate(t.Top1),7:P1} {t.Rate(t.Top3),7:P1} {t.Rate(t.Baseline),11:P1} {t.Rate(t.Top1) / t.Rate(t.Baseline),10:F2}x"));
        }

        var twoPlus = tallies.GetValueOrDefault("known 2+") ?? new Tally();
        var met = twoPlus.Rate(twoPlus.Top1) >= 0.85 && twoPlus.Rate(twoPlus.Top3) >= 0.95;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"targets (2+ known: top-1 >= 85 %, top-3 >= 95 %): {(met ? "met" : "NOT met")}"));
        return met ? 0 : 1;
    }
}
