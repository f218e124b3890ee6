using System.Globalization;

namespace Enrichment.Benchmarks;

/// <summary>
/// CPU seconds a process (or a process tree) has used so far, from /proc/&lt;pid&gt;/stat (utime + stime, and with
/// children the reaped children's cutime + cstime plus the live children's own): tells a CPU-bound run from a
/// latency-bound one. Linux only; USER_HZ is 100 on every Linux we run.
/// </summary>
internal static class ProcessCpu
{
    const double TicksPerSecond = 100;

    /// <summary>utime + stime (+ cutime + cstime) of <paramref name="pid"/>; 0 when it is gone.</summary>
    public static double Seconds(int pid, bool reapedChildren = false)
    {
        var fields = Fields(pid);
        if (fields is null)
            return 0;
        // Fields after the command name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (reapedChildren)
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond;
    }

    public static int? ParentOf(int pid) => Fields(pid) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    /// <summary>A server and its worker processes (PostgreSQL's postmaster and backends): the root with its reaped
    /// children, plus every live child.</summary>
    public static double TreeSeconds(int root)
    {
        var total = Seconds(root, reapedChildren: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != root && ParentOf(pid) == root)
                total += Seconds(pid);
        }

        return total;
    }

    static string[]? Fields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold spaces: split after its closing one.
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
