namespace Enrichment.Service.Lists;

/// <summary>Row counts of a list; verdict counts grow as domains settle.</summary>
public sealed record ListCounts(
    int Rows,
    int Rejected,
    int Duplicates,
    int ToFind,
    int Settled,
    int Deliverable,
    int Risky,
    int Undeliverable,
    int Unknown,
    int NotFound,
    int Domains,
    int DomainsPending);
