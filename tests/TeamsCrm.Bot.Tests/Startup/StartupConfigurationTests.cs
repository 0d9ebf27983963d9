using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Startup;

/// <summary>Configuration mistakes stop the bot at start with a message that says what to fix.</summary>
public class StartupConfigurationTests
{
    [Theory]
    [InlineData("Directory:Provider", "Ldap", "Directory:Provider 'Ldap' is not known")]
    [InlineData("Directory:Provider", "Graph", "no Directory:Graph:RoleGroups are configured")]
    [InlineData("Archive:Provider", "Excel", "Archive:Provider 'Excel' is not known")]
    [InlineData("Archive:Provider", "SharePoint", "The SharePoint archive needs Archive:SharePoint:SiteId")]
    public async Task A_bad_setting_fails_at_start_with_a_clear_message(string key, string value, string message)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => TestBot.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bot:AppId", "my-teams-bot", "Bot:AppId 'my-teams-bot' is not a GUID")]
    [InlineData("Bot:ManagedIdentityClientId", "id-teamscrm", "Bot:ManagedIdentityClientId 'id-teamscrm' is not a GUID")]
    public async Task A_malformed_bot_identity_fails_at_start_with_a_clear_message(string key, string value, string message)
    {
        var e = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            TestBot.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "no tenant may talk to the bot")]
    [InlineData("contoso.onmicrosoft.com", "", "Bot:TenantId 'contoso.onmicrosoft.com' is not a GUID")]
    [InlineData("7a1c0000-0000-4000-8000-000000000001", "contoso", "Bot:AllowedTenants entry 'contoso' is not a GUID")]
    public async Task With_an_app_id_the_allowed_tenants_are_checked_at_start(string tenantId, string allowed, string message)
    {
        var settings = new Dictionary<string, string?> { ["Bot:TenantId"] = tenantId };
        if (allowed.Length > 0) settings["Bot:AllowedTenants:0"] = allowed;
        var e = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            TestBot.StartAsync(authenticated: true, settings: settings));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_graph_address_without_https_fails_at_start()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => TestBot.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Archive:Provider"] = "SharePoint", ["Archive:SharePoint:SiteId"] = "contoso.sharepoint.com:/sites/crm:",
            ["Archive:SharePoint:GraphBaseUrl"] = "http://graph.contoso.example/v1.0",
        }));
        Assert.Contains("must use https", e.Message, StringComparison.Ordinal);
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
