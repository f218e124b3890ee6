using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Enrichment.Storage.Database;

/// <summary>Columns are snake_case, properties PascalCase: Dapper matches them once this is set.</summary>
static class DapperSetup
{
    // A library-wide Dapper setting must be in force before any store runs a query, whoever loads us first
    // (service, CLI, tests): a module initializer is the one place that guarantees it.
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "see above")]
    [ModuleInitializer]
    internal static void Init() => Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
}
