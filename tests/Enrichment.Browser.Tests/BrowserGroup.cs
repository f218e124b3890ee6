namespace Enrichment.Browser.Tests;

/// <summary>One service and one chromium for every browser test class: the machine is small, and the tests share nothing but lists they name uniquely.</summary>
[CollectionDefinition(BrowserFixture.Collection)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
}
