namespace Enrichment.Testing.Finding;

/// <summary>How a culture writes double family names, and which one a mail admin keeps.</summary>
public enum DoubleSurnames
{
    None,
    Spanish,     // "Reynoso Echevarría": father's then mother's; admins mostly keep the first
    Portuguese,  // "dos Santos Martins": mother's then father's; admins mostly keep the last
}

