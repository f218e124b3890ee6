namespace Enrichment.Storage.Keys;

/// <summary>A stored API key (never the key itself): who is calling and the secret their callbacks are signed with.</summary>
public sealed record ApiKey(long Id, string Name, string CallbackSecret);
