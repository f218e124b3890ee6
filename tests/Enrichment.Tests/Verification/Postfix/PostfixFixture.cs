using Enrichment.Testing;

namespace Enrichment.Tests.Verification.Postfix;

/// <summary>One real Postfix instance shared by the tests of <see cref="PostfixCollectionDefinition"/>.</summary>
public sealed class PostfixFixture : IAsyncLifetime
{
    public static readonly PostfixMailboxes Mailboxes = new(
        MailboxDomains: new Dictionary<string, IReadOnlyList<string>>
        {
            ["real.test"] = ["alice", "bob", "carol.jones"],
            ["full.test"] = ["dave"],
        },
        CatchAllDomains: ["catchall.test"],
        RecipientReplies: new Dictionary<string, string> { ["dave@full.test"] = "452 4.2.2 Mailbox full" });

    PostfixServer? _server;

    public PostfixServer Server => _server ?? throw new InvalidOperationException("Postfix fixture not started.");

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _server = await PostfixServer.StartAsync(Mailboxes, cts.Token);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostfixCollectionDefinition : ICollectionFixture<PostfixFixture>
{
    public const string Name = "Postfix";
}
