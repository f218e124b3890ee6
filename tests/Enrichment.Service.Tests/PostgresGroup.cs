namespace Enrichment.Service.Tests;

/// <summary>Test classes that need PostgreSQL: one cluster for the run, classes run one after another (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
