using System.Text.Json;
using Enrichment.Committee.Titles;
using Enrichment.Verification;

namespace Enrichment.Committee.Templates;

/// <summary>
/// The templates of a config file (config/committee-templates.json), validated as a whole: every problem found is
/// reported at once, each naming its place ("templates[0].roles.champion.wanted: must be a whole number ≥ 1, got 0").
/// </summary>
public sealed class CommitteeTemplates
{
    public const string FileName = "committee-templates.json";

    private static readonly HashSet<string> KnownReasons = typeof(Reasons).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<string, VerificationStatus> StatusNames = new(StringComparer.Ordinal)
    {
        ["deliverable"] = VerificationStatus.Deliverable,
        ["risky"] = VerificationStatus.Risky,
        ["undeliverable"] = VerificationStatus.Undeliverable,
        ["unknown"] = VerificationStatus.Unknown,
    };

    private CommitteeTemplates(IReadOnlyList<CommitteeTemplate> all, CommitteeTemplate defaultTemplate)
    {
        All = all;
        Default = defaultTemplate;
    }

    public IReadOnlyList<CommitteeTemplate> All { get; }

    public CommitteeTemplate Default { get; }

    public CommitteeTemplate? Find(string id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    public static CommitteeTemplates Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommitteeTemplateException($"{path}: cannot read the committee templates: {ex.Message}", ex);
        }

        return Parse(json, path);
    }

    /// <param name="source">The file name, for messages.</param>
    public static CommitteeTemplates Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new CommitteeTemplateException($"{source}: not valid JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message}", ex);
        }

        using (document)
        {
            var errors = new List<string>();
            var result = Read(document.RootElement, errors);
            if (errors.Count > 0 || result is null)
            {
                throw new CommitteeTemplateException($"{source}: {errors.Count} problem(s): {string.Join("; ", errors)}");
            }

            return result;
        }
    }

    private static CommitteeTemplates? Read(JsonElement root, List<string> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"the file must hold an object with \"default\" and \"templates\", got {Kind(root)}");
            return null;
        }

        Unexpected(root, "", errors, "default", "templates");
        var defaultId = root.TryGetProperty("default", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        if (defaultId is null)
        {
            errors.Add("default: must name the id of the default template");
        }

        if (!root.TryGetProperty("templates", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            errors.Add("templates: must be a non-empty array of templates");
            return null;
        }

        var templates = new List<CommitteeTemplate>();
        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            if (ReadTemplate(element, $"templates[{index}]", errors) is { } template)
            {
                if (templates.Exists(t => t.Id == template.Id))
                {
                    errors.Add($"templates[{index}].id: '{template.Id}' is used by an earlier template");
                }

                templates.Add(template);
            }

            index++;
        }

        var chosen = templates.Find(t => t.Id == defaultId);
        if (defaultId is not null && chosen is null && errors.Count == 0)
        {
            errors.Add($"default: no template has id '{defaultId}' (ids: {string.Join(", ", templates.Select(t => t.Id))})");
        }

        return chosen is null ? null : new CommitteeTemplates(templates, chosen);
    }

    private static CommitteeTemplate? ReadTemplate(JsonElement element, string at, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at}: must be an object, got {Kind(element)}");
            return null;
        }

        Unexpected(element, at, errors, "id", "name", "roles", "reachable", "matrix");
        var start = errors.Count;
        var id = Text(element, "id", at, errors);
        var name = Text(element, "name", at, errors);
        var roles = new List<RoleTarget>();
        if (!element.TryGetProperty("roles", out var rolesElement) || rolesElement.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at}.roles: must be an object of role → {{ \"wanted\", \"weight\" }}");
        }
        else
        {
            foreach (var property in rolesElement.EnumerateObject())
            {
                if (ReadRole(property, $"{at}.roles.{property.Name}", errors) is { } role)
                {
                    roles.Add(role);
                }
            }

            if (roles.Count == 0 && errors.Count == start)
            {
                errors.Add($"{at}.roles: names no role; a template needs at least one of {string.Join(", ", TitleNames.AllRoleNames.Where(r => r != "none"))}");
            }
        }

        var reachable = Reachability.Default;
        if (element.TryGetProperty("reachable", out var reachableElement))
        {
            reachable = ReadReachable(reachableElement, $"{at}.reachable", errors) ?? reachable;
        }

        RoleMatrixOverride? matrix = null;
        if (element.TryGetProperty("matrix", out var matrixElement))
        {
            matrix = ReadMatrix(matrixElement, $"{at}.matrix", errors);
        }

        return errors.Count > start ? null : new CommitteeTemplate(id!, name!, roles, reachable, matrix);
    }

    /// <summary>"matrix": { department: { seniority: role } }, every name checked against the words of COMMITTEE.md.</summary>
    private static RoleMatrixOverride? ReadMatrix(JsonElement element, string at, List<string> errors)
    {
        var areas = TitleNames.AllDepartmentNames.Append(RoleMatrixOverride.SecurityGovernance).ToList();
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at}: must be an object of department → {{ seniority: role }}, got {Kind(element)}");
            return null;
        }

        var start = errors.Count;
        var cells = new List<(string, Seniority, CommitteeRole)>();
        foreach (var department in element.EnumerateObject())
        {
            var place = $"{at}.{department.Name}";
            if (!areas.Contains(department.Name, StringComparer.Ordinal))
            {
                errors.Add($"{place}: unknown department '{department.Name}' (departments: {string.Join(", ", areas)})");
                continue;
            }

            if (department.Value.ValueKind != JsonValueKind.Object || !department.Value.EnumerateObject().Any())
            {
                errors.Add($"{place}: must be a non-empty object of seniority → role, got {department.Value.GetRawText()}");
                continue;
            }

            foreach (var cell in department.Value.EnumerateObject())
            {
                if (!TitleNames.TryParseSeniority(cell.Name, out var seniority))
                {
                    errors.Add($"{place}.{cell.Name}: unknown seniority '{cell.Name}' (seniorities: {string.Join(", ", TitleNames.AllSeniorityNames)})");
                }
                else if (seniority == Seniority.Assistant)
                {
                    errors.Add($"{place}.{cell.Name}: assistants hold no committee role; the matrix cannot give them one");
                }
                else if (cell.Value.ValueKind != JsonValueKind.String || !TitleNames.TryParseRole(cell.Value.GetString()!, out var role))
                {
                    errors.Add($"{place}.{cell.Name}: unknown role {cell.Value.GetRawText()} (roles: {string.Join(", ", TitleNames.AllRoleNames)})");
                }
                else
                {
                    cells.Add((department.Name, seniority, role));
                }
            }
        }

        return errors.Count > start ? null : new RoleMatrixOverride(cells);
    }

    private static RoleTarget? ReadRole(JsonProperty property, string at, List<string> errors)
    {
        if (!TitleNames.TryParseRole(property.Name, out var role) || role == CommitteeRole.None)
        {
            errors.Add($"{at}: unknown role '{property.Name}' (roles: {string.Join(", ", TitleNames.AllRoleNames.Where(r => r != "none"))})");
            return null;
        }

        var value = property.Value;
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at}: must be an object with \"wanted\" and \"weight\", got {Kind(value)}");
            return null;
        }

        Unexpected(value, at, errors, "wanted", "weight", "departments");
        var start = errors.Count;
        var wanted = 0;
        if (!value.TryGetProperty("wanted", out var w) || w.ValueKind != JsonValueKind.Number || !w.TryGetInt32(out wanted) || wanted < 1)
        {
            errors.Add($"{at}.wanted: must be a whole number ≥ 1, got {Shown(value, "wanted")}");
        }

        var weight = 1.0;
        if (value.TryGetProperty("weight", out var g) && (g.ValueKind != JsonValueKind.Number || !double.IsFinite(weight = g.GetDouble()) || weight <= 0))
        {
            errors.Add($"{at}.weight: must be a number > 0, got {Shown(value, "weight")}");
        }

        var departments = new List<Department>();
        if (value.TryGetProperty("departments", out var deps))
        {
            if (deps.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{at}.departments: must be an array of department names, got {Kind(deps)}");
            }
            else
            {
                foreach (var dep in deps.EnumerateArray())
                {
                    if (dep.ValueKind == JsonValueKind.String && TitleNames.TryParseDepartment(dep.GetString()!, out var department))
                    {
                        departments.Add(department);
                    }
                    else
                    {
                        errors.Add($"{at}.departments: unknown department {dep.GetRawText()}");
                    }
                }
            }
        }

        return errors.Count > start ? null : new RoleTarget(role, wanted, weight, departments);
    }

    private static Reachability? ReadReachable(JsonElement element, string at, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at}: must be an object with \"statuses\" and \"risky_reasons\", got {Kind(element)}");
            return null;
        }

        Unexpected(element, at, errors, "statuses", "risky_reasons");
        var start = errors.Count;
        var statuses = new HashSet<VerificationStatus>();
        if (!element.TryGetProperty("statuses", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{at}.statuses: must be an array of statuses (deliverable, risky, undeliverable, unknown)");
        }
        else
        {
            foreach (var s in list.EnumerateArray())
            {
                if (s.ValueKind == JsonValueKind.String && StatusNames.TryGetValue(s.GetString()!, out var status))
                {
                    statuses.Add(status);
                }
                else
                {
                    errors.Add($"{at}.statuses: unknown status {s.GetRawText()} (deliverable, risky, undeliverable, unknown)");
                }
            }
        }

        var reasons = new HashSet<string>(StringComparer.Ordinal);
        if (element.TryGetProperty("risky_reasons", out var reasonList))
        {
            if (reasonList.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{at}.risky_reasons: must be an array of reason codes such as \"catch_all\"");
            }
            else
            {
                foreach (var r in reasonList.EnumerateArray())
                {
                    if (r.ValueKind == JsonValueKind.String && KnownReasons.Contains(r.GetString()!))
                    {
                        reasons.Add(r.GetString()!);
                    }
                    else
                    {
                        errors.Add($"{at}.risky_reasons: unknown reason {r.GetRawText()}");
                    }
                }
            }
        }

        if (errors.Count == start && (statuses.Contains(VerificationStatus.Undeliverable) || statuses.Contains(VerificationStatus.Unknown)))
        {
            errors.Add($"{at}.statuses: undeliverable and unknown addresses never count as reachable");
        }

        return errors.Count > start ? null : new Reachability(statuses, reasons);
    }

    private static string? Text(JsonElement element, string name, string at, List<string> errors)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!.Trim();
        }

        errors.Add($"{at}.{name}: must be a non-empty string, got {Shown(element, name)}");
        return null;
    }

    /// <summary>A misspelt key would otherwise be ignored silently and the default used instead.</summary>
    private static void Unexpected(JsonElement element, string at, List<string> errors, params string[] allowed)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add($"{(at.Length == 0 ? "" : at + ".")}{property.Name}: unknown key (expected {string.Join(", ", allowed)})");
            }
        }
    }

    private static string Shown(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) ? value.GetRawText() : "nothing";

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();
}
