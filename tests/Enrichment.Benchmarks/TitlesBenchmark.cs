using System.Diagnostics;
using System.Globalization;
using Enrichment.Committee.Titles;

namespace Enrichment.Benchmarks;

/// <summary>
/// titles [--titles N] [--quick]: classifies N titles (the test suite's nine-language cases and held-out sets,
/// repeated with profile noise) on one thread, next to a baseline measured in the same run: lowercase the title and
/// scan a plain keyword list with Contains. Prints titles/s for both, and both readers' accuracy on the held-out
/// sets, so the speed ratio is read next to what the extra work buys.
/// </summary>
public static class TitlesBenchmark
{
    // The naive reader: first keyword contained wins, English only, as a spreadsheet formula would do it.
    private static readonly (string Keyword, Seniority Seniority)[] NaiveRanks =
    [
        ("chief", Seniority.CLevel), ("ceo", Seniority.CLevel), ("cfo", Seniority.CLevel), ("cto", Seniority.CLevel), ("cio", Seniority.CLevel),
        ("founder", Seniority.CLevel), ("owner", Seniority.CLevel), ("president", Seniority.CLevel), ("vp", Seniority.Vp),
        ("vice president", Seniority.Vp), ("director", Seniority.Director), ("head", Seniority.Director), ("manager", Seniority.Manager),
        ("lead", Seniority.SeniorIc), ("senior", Seniority.SeniorIc), ("engineer", Seniority.Ic), ("developer", Seniority.Ic),
        ("analyst", Seniority.Ic), ("specialist", Seniority.Ic), ("assistant", Seniority.Assistant),
    ];

    private static readonly (string Keyword, Department Department)[] NaiveDepartments =
    [
        ("security", Department.Security), ("procurement", Department.Procurement), ("purchasing", Department.Procurement),
        ("legal", Department.Legal), ("counsel", Department.Legal), ("finance", Department.Finance), ("account", Department.Finance),
        ("it ", Department.It), ("engineer", Department.Engineering), ("software", Department.Engineering), ("data", Department.Data),
        ("marketing", Department.Marketing), ("sales", Department.Sales), ("hr", Department.Hr), ("people", Department.Hr),
        ("product", Department.Product), ("customer", Department.CustomerSuccess), ("operations", Department.Operations),
        ("ceo", Department.Executive), ("founder", Department.Executive),
    ];

    private static readonly string[] Noise = ["", " | LinkedIn", " at Acme Corp", " @ Globex", " (Remote)", " 🚀"];

    public static int Run(string[] args)
    {
        var count = 1_000_000;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--titles" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                count = n;
            }
            else if (args[i] == "--quick")
            {
                count = 100_000;
            }
            else
            {
                Console.Error.WriteLine("usage: titles [--titles N] [--quick]");
                return 2;
            }
        }

        var dir = Path.Combine(AppContext.BaseDirectory, "titles");
        var heldOut = new[] { "heldout-titles.tsv", "heldout-titles-2.tsv", "heldout-titles-3.tsv", "world-titles.tsv", "world-titles-2.tsv" }
            .SelectMany(f => File.ReadLines(Path.Combine(dir, f)).Skip(1))
            .Select(l => l.Split('\t')).Where(f => f.Length >= 5).ToList();
        var seeds = File.ReadLines(Path.Combine(dir, "title-cases.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')[0])
            .Concat(heldOut.Select(f => f[1])).Where(t => t.Length > 0).ToArray();
        var titles = new string[count];
        for (var i = 0; i < count; i++)
        {
            var seed = seeds[i % seeds.Length];
            var variant = (i / seeds.Length) % (Noise.Length * 2);
            titles[i] = (variant >= Noise.Length ? seed.ToUpperInvariant() : seed) + Noise[variant % Noise.Length];
        }

        Console.WriteLine($"titles: {count:N0} titles from {seeds.Length} distinct seeds in nine languages, one thread");
        TitleClassifier.Classify("warm up the compiled tables");
        Naive("warm up");

        var checksum = 0;
        var watch = Stopwatch.StartNew();
        foreach (var title in titles)
        {
            checksum += (int)Naive(title).Role;
        }

        var baseline = watch.Elapsed;
        watch.Restart();
        foreach (var title in titles)
        {
            checksum += (int)TitleClassifier.Classify(title).Role;
        }

        var classifier = watch.Elapsed;
        var baselineRate = count / baseline.TotalSeconds;
        var classifierRate = count / classifier.TotalSeconds;
        Console.WriteLine($"  baseline (lowercase + Contains over {NaiveRanks.Length + NaiveDepartments.Length} keywords): {baselineRate,12:N0} titles/s");
        Console.WriteLine($"  TitleClassifier (nine-language phrase tables):          {classifierRate,12:N0} titles/s");
        Console.WriteLine($"  ratio classifier/baseline: {classifierRate / baselineRate:0.00}x   (checksum {checksum})");

        var naive = heldOut.Select(f => (f, got: Naive(f[1]))).ToList();
        var ours = heldOut.Select(f => (f, got: TitleClassifier.Classify(f[1]))).ToList();
        Console.WriteLine($"  held-out accuracy (n={heldOut.Count}): seniority / department / role");
        Console.WriteLine($"    baseline:        {Share(naive, x => x.got.Seniority.Name() == x.f[2])} / {Share(naive, x => x.got.Department.Name() == x.f[3])} / {Share(naive, x => x.got.Role.Name() == x.f[4])}");
        Console.WriteLine($"    TitleClassifier: {Share(ours, x => x.got.Seniority.Name() == x.f[2])} / {Share(ours, x => x.got.Department.Name() == x.f[3])} / {Share(ours, x => x.got.Role.Name() == x.f[4])}");
        return 0;
    }

    private static TitleClassification Naive(string title)
    {
        var lower = title.ToLowerInvariant() + " ";
        var seniority = Seniority.Unknown;
        foreach (var (keyword, rank) in NaiveRanks)
        {
            if (lower.Contains(keyword, StringComparison.Ordinal))
            {
                seniority = rank;
                break;
            }
        }

        var department = Department.Other;
        foreach (var (keyword, function) in NaiveDepartments)
        {
            if (lower.Contains(keyword, StringComparison.Ordinal))
            {
                department = function;
                break;
            }
        }

        return new TitleClassification(seniority, department, RoleMatrix.Role(seniority, department));
    }

    private static string Share<T>(List<T> items, Func<T, bool> hit) =>
        $"{100.0 * items.Count(hit) / items.Count,5:0.0}%";
}
