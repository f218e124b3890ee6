namespace Enrichment.Storage.Lists;

/// <summary>An upload about to be imported.</summary>
public sealed record NewList(long? ApiKeyId, string Name, string? FileName, string? CallbackUrl, string? MappingJson);
