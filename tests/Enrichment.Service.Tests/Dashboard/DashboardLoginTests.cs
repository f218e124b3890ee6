using Enrichment.Service.Dashboard;
using Enrichment.Service.Hosting;

namespace Enrichment.Service.Tests.Dashboard;

public sealed class DashboardLoginTests
{
    static readonly DashboardLoginOptions Login = new()
    {
        Users =
        [
            new DashboardUser { Name = "ana", PasswordHash = DashboardLogin.Hash("a long enough secret"), Role = DashboardUser.Admin },
            new DashboardUser { Name = "bo", PasswordHash = DashboardLogin.Hash("another secret"), Role = DashboardUser.ReadOnly },
        ],
    };

    [Theory]
    [InlineData("ana", "a long enough secret", "ana")]
    [InlineData("bo", "another secret", "bo")]
    [InlineData("ana", "another secret", null)]
    [InlineData("ANA", "a long enough secret", null)]
    [InlineData("nobody", "a long enough secret", null)]
    [InlineData("ana", "", null)]
    public void Check_AcceptsOnlyTheUsersOwnPassword(string user, string password, string? expected) =>
        Assert.Equal(expected, DashboardLogin.Check(Login, user, password)?.Name);

    [Fact]
    public void Hash_IsNotThePassword_AndSalted()
    {
        var a = DashboardLogin.Hash("same password");
        Assert.DoesNotContain("same password", a, StringComparison.Ordinal);
        Assert.NotEqual(a, DashboardLogin.Hash("same password"));
    }

    [Theory]
    [InlineData("", "hash", "admin", "Name is empty")]
    [InlineData("ana", "", "admin", "PasswordHash is empty")]
    [InlineData("ana", "hash", "root", "Role must be")]
    public void Validate_NamesTheBadSetting(string name, string hash, string role, string message)
    {
        var options = new DashboardLoginOptions { Users = [new DashboardUser { Name = name, PasswordHash = hash, Role = role }] };
        Assert.Contains(message, Assert.Throws<InvalidOperationException>(options.Validate).Message, StringComparison.Ordinal);
    }
}
