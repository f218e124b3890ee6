namespace Enrichment.Cli.Output;

/// <summary>How progress shows on stderr.</summary>
public enum ProgressStyle
{
    /// <summary>No progress lines (tests); the end summary is still written.</summary>
    None,

    /// <summary>stderr is a terminal: one line redrawn in place.</summary>
    Terminal,

    /// <summary>stderr is a file or a log collector: a full line every few seconds.</summary>
    Log,
}
