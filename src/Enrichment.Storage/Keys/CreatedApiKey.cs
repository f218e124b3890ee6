namespace Enrichment.Storage.Keys;

/// <summary>A new key as shown once to its owner: the key and the callback signing secret are not stored in clear.</summary>
public sealed record CreatedApiKey(long Id, string Name, string Key, string CallbackSecret);
