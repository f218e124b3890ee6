using Enrichment.Committee.Titles;

namespace Enrichment.Committee.Fill;

/// <summary>A person picked for a role, how their title was read, and what is left to do for them.</summary>
public sealed record PlannedMember(DomainPerson Person, TitleClassification Classification, MemberAction Action);
