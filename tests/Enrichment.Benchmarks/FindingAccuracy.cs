using System.Globalization;
using Enrichment.Finding;
using Enrichment.Finding.Patterns;
using Enrichment.Testing.Finding;
using Enrichment.Testing.Finding.World;

namespace Enrichment.Benchmarks;

/// <summary>
/// finding-accuracy [--companies N] [--seed S] [--quick]: runs the finder exactly as `enrichment find --no-verify`
/// does (AddressFinder over each synthetic company's rows: known addresses and people to find) and scores
/// top-1/top-3 against the truth, per slice, next to the plain reference (13 templates × name variants, majority
/// vote; <see cref="ReferenceGuesser"/>) measured on the same people. Exit code 0 when the issue's targets are met
/// (2+ known: top-1 ≥ 88 %, top-3 ≥ 96 %; no slice of 30+ people below the reference), 1 when not, 2 on bad arguments.
/// </summary>
public static class FindingAccuracy
{
    private sealed class Tally
    {
        public int Count;
        public int Top1;
        public int Top3;
        public int RefTop1;
        public int RefTop3;

        public void Add(bool top1, bool top3, bool refTop1, bool refTop3)
        {
            Count++;
            Top1 += top1 ? 1 : 0;
            Top3 += top3 ? 1 : 0;
            RefTop1 += refTop1 ? 1 : 0;
            RefTop3 += refTop3 ? 1 : 0;
        }

        public double Rate(int hits) => Count == 0 ? double.NaN : (double)hits / Count;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var companies = 2000;
        var seed = 20260101;
        var misses = 0;
        var world = false;
        string? missSlice = null;
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
            else if (args[i] == "--misses" && i + 1 < args.Length && int.TryParse(args[++i], out var m) && m >= 0)
            {
                misses = m;
            }
            else if (args[i] == "--set" && i + 1 < args.Length && args[i + 1] is "world" or "synthetic")
            {
                world = args[++i] == "world";
            }
            else if (args[i] == "--miss-slice" && i + 1 < args.Length)
            {
                missSlice = args[++i];
            }
            else if (args[i] == "--quick")
            {
                companies = 400;
            }
            else
            {
                Console.Error.WriteLine("usage: finding-accuracy [--set synthetic|world] [--companies N] [--seed S] [--quick] [--misses N] [--miss-slice SLICE]");
                return 2;
            }
        }

        var set = world ? WorldSet.Generate(companies, seed) : EvaluationSet.Generate(companies, seed);
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        Tally T(string key) => tallies.TryGetValue(key, out var t) ? t : tallies[key] = new Tally();
        var finder = new AddressFinder(verifier: null, search: null);

        foreach (var company in set)
        {
            long id = 0;
            var rows = company.Known
                .Select(k => new FindRequest(id++, k.FirstName, k.LastName, null, null, $"{k.LocalPart}@{company.Domain}"))
                .ToList();
            var firstTarget = id;
            rows.AddRange(company.Targets.Select(t => new FindRequest(id++, t.FirstName, t.LastName, t.FullName, null, null)));
            var found = await finder.FindAsync(company.Domain, rows);
            var byId = found.Results.ToDictionary(r => r.Id);

            for (var i = 0; i < company.Targets.Count; i++)
            {
                var target = company.Targets[i];
                var truth = $"{target.TrueLocalPart}@{company.Domain}";
                var ours = byId[firstTarget + i].Candidates;
                var top1 = ours.Count > 0 && ours[0] == truth;
                var top3 = ours.Take(3).Contains(truth);
                var reference = ReferenceGuesser.Guess(company.Known, target.FirstName, target.LastName, target.FullName);
                var refTop1 = reference.Count > 0 && reference[0] == target.TrueLocalPart;
                var refTop3 = reference.Contains(target.TrueLocalPart);

                var slices = new List<string> { "all people", company.NamedKnownCount switch { 0 => "known 0 (priors only)", 1 => "known 1", _ => "known 2+" } };
                if (company.Secondary is not null)
                {
                    slices.Add("company mixes two formats");
                }
                else if (company.NamedKnownCount >= 2)
                {
                    slices.Add("known 2+, one format");
                }

                slices.AddRange(Enum.GetValues<NameTraits>().Where(t => t != NameTraits.None && target.Traits.HasFlag(t)).Select(t => $"name: {t}"));
                if (target.Namesake)
                {
                    slices.Add("name: namesake at company");
                }

                if (world)
                {
                    slices.Add($"culture: {target.Culture}");
                    slices.AddRange(target.Tags.Where(t => !t.StartsWith("company", StringComparison.Ordinal)).Select(t => $"name: {t}"));
                    slices.AddRange(target.Tags.Where(t => t.StartsWith("company", StringComparison.Ordinal)).Distinct());
                }

                var printMiss = missSlice is null ? company.NamedKnownCount >= 2 && company.Secondary is null : slices.Contains(missSlice);
                if (!top1 && misses > 0 && printMiss)
                {
                    misses--;
                    Console.WriteLine($"miss: {target.FirstName}|{target.LastName}|{target.FullName} ({target.Traits}{(target.Tags.Count > 0 ? "; " + string.Join(", ", target.Tags) : "")}) truth {target.TrueLocalPart}, ours {string.Join(' ', ours.Take(3).Select(c => c[..c.IndexOf('@', StringComparison.Ordinal)]))}, reference {string.Join(' ', reference)}; known {string.Join(' ', company.Known.Select(k => $"{k.LocalPart}={k.FirstName}/{k.LastName}"))}");
                }

                foreach (var slice in slices.Distinct())
                {
                    T(slice).Add(top1, top3, refTop1, refTop3);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"finding-accuracy: {(world ? "world" : "synthetic")} set, {companies} companies, seed {seed}, {tallies["all people"].Count} people to find"));
        Console.WriteLine($"{"slice",-44} {"n",6} {"top-1",7} {"ref",7} {"top-3",7} {"ref",7}");
        var failing = new List<string>();
        foreach (var (key, t) in tallies.OrderBy(p => Order(p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var below = t.Count >= 30 && (t.Top1 < t.RefTop1 || t.Top3 < t.RefTop3);
            if (below)
            {
                failing.Add(key);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{key,-44} {t.Count,6} {t.Rate(t.Top1),7:P1} {t.Rate(t.RefTop1),7:P1} {t.Rate(t.Top3),7:P1} {t.Rate(t.RefTop3),7:P1}{(below ? "  below reference" : "")}"));
        }

        var twoPlus = tallies.GetValueOrDefault("known 2+") ?? new Tally();
        var met = twoPlus.Rate(twoPlus.Top1) >= 0.88 && twoPlus.Rate(twoPlus.Top3) >= 0.96 && failing.Count == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"targets (2+ known: top-1 >= 88 %, top-3 >= 96 %; no slice of 30+ below the reference): {(met ? "met" : "NOT met")}"));
        return met ? 0 : 1;
    }

    private static int Order(string key) => key switch
    {
        "known 2+" => 0,
        "all people" => 1,
        _ when key.StartsWith("known", StringComparison.Ordinal) => 2,
        _ when key.StartsWith("company", StringComparison.Ordinal) => 3,
        _ when key.StartsWith("culture", StringComparison.Ordinal) => 5,
        _ => 4,
    };
}
