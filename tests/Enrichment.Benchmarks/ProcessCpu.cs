using System.Globalization;

namespace Enrichment.Benchmarks;

/// <summary>
/// CPU seconds (user + system) from /proc, for benchmarks on a shared, loaded machine where wall time says more about
/// the neighbours than about the code: a process, or a PostgreSQL server (its postmaster, the children it has reaped,
/// and its live children).
/// </summary>
internal static class ProcessCpu
{
    static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static double Seconds(int pid) => Fields(pid) is { } f ? (f[11] + f[12]) / TicksPerSecond : double.NaN;

    /// <summary>The postmaster's own time, its reaped children's (cutime + cstime) and its live children's.</summary>
    public static double ServerSeconds(int postmasterPid)
    {
        if (Fields(postmasterPid) is not { } own)
            return double.NaN;
        var ticks = own[11] + own[12] + own[13] + own[14];
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Fields(pid) is { } child && child[1] == postmasterPid)
            {
                ticks += child[11] + child[12];
            }
        }

        return ticks / TicksPerSecond;
    }

    /// <summary>The parent of a process (for a PostgreSQL backend: the postmaster).</summary>
    public static int Parent(int pid) => Fields(pid) is { } f ? (int)f[1] : 0;

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>/proc/pid/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    static long[]? Fields(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return [.. rest.Take(15).Select((s, i) => i == 0 ? 0 : long.Parse(s, CultureInfo.InvariantCulture))];
    }
}
