using Enrichment.Committee.Titles;

namespace Enrichment.Committee.Completeness;

/// <summary>A person holding a role in an account's committee; <see cref="Address"/> is null until one is found.</summary>
public sealed record CommitteeMember(string Name, CommitteeRole Role, MemberAddress? Address);
