namespace Enrichment.Cli.Output;

public enum OutputFormat
{
    Csv,
    Jsonl,
}
