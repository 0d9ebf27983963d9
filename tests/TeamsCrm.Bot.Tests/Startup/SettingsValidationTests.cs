using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Startup;

/// <summary>
/// Every options section is checked when the bot starts (ValidateOnStart), not when a feature first reads it: a bad value
/// stops the start with a message naming the setting.
/// </summary>
public class SettingsValidationTests
{
    [Theory]
    [InlineData("Bot:KeyFetchTimeout", "00:05:00", "Bot:KeyFetchTimeout '00:05:00' must be positive and at most a minute")]
    [InlineData("Bot:ConnectorRetry:MaxDelay", "00:00:30", "Bot:ConnectorRetry:MaxDelay '00:00:30' must be positive and shorter than Bot:ConnectorRetry:CallTimeout")]
    [InlineData("Bot:ConnectorRetry:MaxRetries", "50", "Bot:ConnectorRetry:MaxRetries '50' must be between 0 and 10")]
    [InlineData("Bot:ConnectorRetry:CallTimeout", "00:00:00", "Bot:ConnectorRetry:CallTimeout '00:00:00' must be positive")]
    [InlineData("Directory:People:0:AadObjectId", "li.na", "Directory:People:0:AadObjectId 'li.na' is not an Entra object id")]
    [InlineData("Directory:People:1:AadObjectId", "7a1c0000-0000-4000-8000-000000000011", "Directory:People:1:AadObjectId '7a1c0000-0000-4000-8000-000000000011' is listed twice")]
    [InlineData("Directory:Graph:RoleGroups:Rep", "sales-reps", "Directory:Graph:RoleGroups:Rep 'sales-reps' is not an Entra group id")]
    [InlineData("Directory:Graph:CacheDuration", "00:00:00", "Directory:Graph:CacheDuration '00:00:00' must be positive")]
    [InlineData("Approvals:Admins:0", "chen.jie@contoso.example", "Approvals:Admins:0 'chen.jie@contoso.example' is not an Entra object id")]
    [InlineData("Approvals:Channels:0", "Approvals", "Approvals:Channels:0 'Approvals' is not a Teams channel id")]
    [InlineData("Approvals:FinishInterval", "00:00:00", "Approvals:FinishInterval '00:00:00' must be positive")]
    [InlineData("Approvals:FinishLease", "00:00:45", "Approvals:FinishLease '00:00:45' must be at least twice Bot:ConnectorRetry:CallTimeout (00:00:30)")]
    [InlineData("Export:SigningKey", "c2hvcnQ=", "Export:SigningKey must be base64 of at least 32 random bytes")]
    [InlineData("Export:BaseUrl", "crm.contoso.example", "Export:BaseUrl 'crm.contoso.example' is not an http(s) address")]
    [InlineData("Export:LinkLifetime", "7.00:00:00", "Export:LinkLifetime '7.00:00:00' must be positive and at most a day")]
    [InlineData("Reminders:TimeZone", "China Standard", "Reminders:TimeZone 'China Standard' is not an IANA time zone")]
    [InlineData("Reminders:Locale", "fr-FR", "Reminders:Locale 'fr-FR' is not a language the bot speaks")]
    [InlineData("Reminders:Personal:FollowUps", "8am", "Reminders:Personal:FollowUps '8am' must be a local time (HH:mm")]
    [InlineData("Reminders:Personal:Birthdays", "08:00", "Reminders:Personal:Birthdays is not a personal reminder")]
    [InlineData("Reminders:ScanInterval", "00:00:00", "Reminders:ScanInterval '00:00:00' must be positive")]
    [InlineData("Reminders:Lease", "00:00:10", "Reminders:Lease '00:00:10' must be between a minute and 12 hours")]
    [InlineData("Reminders:Parallelism", "0", "Reminders:Parallelism '0' must be between 1 and 64")]
    [InlineData("Reminders:Parallelism", "lots", "'Reminders:Parallelism'")]   // not even a number: the binder names it
    [InlineData("Host:ShutdownTimeout", "-00:00:01", "Host:ShutdownTimeout '-00:00:01' must be positive")]
    [InlineData("Host:Instances", "0", "Host:Instances '0' must be at least 1")]
    [InlineData("Visits:CorrectionWindow", "00:00:00", "Visits:CorrectionWindow '00:00:00' must be positive")]
    [InlineData("Visits:Cadence:Important", "0", "Visits:Cadence:Important '0' must be a number of days from 1 to 366")]
    [InlineData("Visits:Cadence:Strategic", "400", "Visits:Cadence:Strategic '400' must be a number of days from 1 to 366")]
    public async Task A_bad_value_stops_the_start_with_a_message_naming_the_setting(string key, string value, string message)
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => TestBot.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_instances_without_a_shared_signing_key_refuse_to_start()
    {
        var e = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Host:Instances"] = "2" }));
        Assert.Contains("Export:SigningKey is required when Host:Instances is 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_instances_with_a_shared_signing_key_start_and_one_instance_needs_none()
    {
        await using (await TestBot.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Host:Instances"] = "3", ["Export:SigningKey"] = Convert.ToBase64String(new byte[32]),
        })) { }
        await using (await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Host:Instances"] = "1" })) { }
    }
}
