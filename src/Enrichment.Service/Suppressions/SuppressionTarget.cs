using Enrichment.Storage.Suppressions;
using Enrichment.Verification.Syntax;

namespace Enrichment.Service.Suppressions;

/// <summary>An address or a domain to suppress, normalised the way contacts store them (pure).</summary>
public static class SuppressionTarget
{
    /// <summary>(kind, value) or the error naming the parameter.</summary>
    public static (string Kind, string Value)? Parse(string? email, string? domain, out string? field, out string? error)
    {
        field = null;
        error = null;
        if ((email is null) == (domain is null))
        {
            field = "email";
            error = "give exactly one of email or domain";
            return null;
        }

        if (email is not null)
        {
            var parsed = EmailSyntax.Parse(email);
            if (parsed.Address is null)
            {
                field = "email";
                error = $"\"{email}\" is not a valid address ({parsed.Error})";
                return null;
            }

            return (SuppressionKinds.Email, parsed.Address.Normalized);
        }

        var d = domain!.Trim().TrimEnd('.').ToLowerInvariant();
        if (d.StartsWith('@'))
            d = d[1..];
        var check = EmailSyntax.Parse("x@" + d);
        if (check.Address is null)
        {
            field = "domain";
            error = $"\"{domain}\" is not a valid domain";
            return null;
        }

        return (SuppressionKinds.Domain, check.Address.Domain);
    }
}
