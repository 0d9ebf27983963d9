using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Startup;

/// <summary>Configuration mistakes stop the bot at start with a message that says what to fix.</summary>
public class StartupConfigurationTests
{
    [Theory]
    [InlineData("Directory:Provider", "Ldap", "Directory:Provider 'Ldap' is not known")]
    [InlineData("Directory:Provider", "Graph", "no Directory:Graph:RoleGroups are configured")]
    [InlineData("Archive:Provider", "Excel", "Archive:Provider 'Excel' is not known")]
    public async Task A_bad_setting_fails_at_start_with_a_clear_message(string key, string value, string message)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => TestBot.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_mode_refuses_to_listen_beyond_loopback()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TeamsCrm.Bot.Program.Build(["--urls", "http://0.0.0.0:0", "--contentRoot", AppContext.BaseDirectory,
            "--Archive:Sqlite:Path", Path.Combine(Path.GetTempPath(), "teamscrm-tests", Guid.NewGuid() + ".db")]));
        Assert.Contains("loopback only", e.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }
}
