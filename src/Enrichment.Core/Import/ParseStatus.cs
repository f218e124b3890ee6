namespace Enrichment.Import;

/// <summary>What <see cref="CsvRowParser.Parse"/> found at the start of the bytes.</summary>
internal enum ParseStatus
{
    Record,
    NeedMore,
    QuoteFailure,
    End,
}
