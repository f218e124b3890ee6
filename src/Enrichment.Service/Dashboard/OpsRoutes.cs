namespace Enrichment.Service.Dashboard;

/// <summary>Where the ops pages live: inside the Hangfire dashboard's path, so they share its access rule and cookie.</summary>
public static class OpsRoutes
{
    public const string Root = DashboardEndpoints.Path + "/ops";
    public const string Login = Root + "/login";
    public const string Logout = Root + "/logout";
    public const string Upload = Root + "/upload";
    public const string UploadStart = Root + "/upload/start";
    public const string Lists = Root + "/lists";
    public const string Suppressions = Root + "/suppressions";
    public const string Keys = Root + "/keys";
    public const string Accounts = Root + "/accounts";

    public static string Account(long id) => $"{Accounts}/{id}";

    public static string List(long id) => $"{Lists}/{id}";

    public static string HangfireJob(string jobId) => $"{DashboardEndpoints.Path}/jobs/details/{Uri.EscapeDataString(jobId)}";
}
