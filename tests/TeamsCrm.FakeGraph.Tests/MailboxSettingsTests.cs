using System.Text.Json.Nodes;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Tests;

/// <summary>
/// GET /users/{id}/mailboxSettings through the Graph SDK, as Graph answers it: automatic replies disabled until set, the
/// status and schedule as set, $select honoured, 404 MailboxNotEnabledForRESTAPI without a mailbox, 403 ErrorAccessDenied
/// without the permission, seeding over HTTP too.
/// </summary>
public sealed class MailboxSettingsTests
{
    static JsonObject Scheduled(string start, string end) => new()
    {
        ["status"] = "scheduled", ["externalAudience"] = "none", ["internalReplyMessage"] = "Away until Friday",
        ["scheduledStartDateTime"] = new JsonObject { ["dateTime"] = start, ["timeZone"] = "China Standard Time" },
        ["scheduledEndDateTime"] = new JsonObject { ["dateTime"] = end, ["timeZone"] = "China Standard Time" },
    };

    [Fact]
    public async Task Automatic_replies_are_disabled_until_set_and_then_read_as_set()
    {
        await using var bed = await GraphTestBed.StartAsync();
        bed.Server.Directory.AddUser(new FakeUser("lead", "Zhang Wei"));
        bed.Server.Directory.AddUser(new FakeUser("mgr", "Wang Fang"));
        bed.Server.Directory.SetAutomaticReplies("lead", Scheduled("2026-11-30T09:00:00.0000000", "2026-12-04T18:00:00.0000000"));

        var before = await bed.Graph.Users["mgr"].MailboxSettings.GetAsync();
        var selected = await bed.Graph.Users["lead"].MailboxSettings.GetAsync(r => r.QueryParameters.Select = ["automaticRepliesSetting"]);

        Assert.Equal(AutomaticRepliesStatus.Disabled, before!.AutomaticRepliesSetting!.Status);
        Assert.Equal("UTC", before.TimeZone);
        var replies = selected!.AutomaticRepliesSetting!;
        Assert.Equal(AutomaticRepliesStatus.Scheduled, replies.Status);
        Assert.Equal(("2026-11-30T09:00:00.0000000", "China Standard Time"), (replies.ScheduledStartDateTime!.DateTime, replies.ScheduledStartDateTime.TimeZone));
        Assert.Equal("Away until Friday", replies.InternalReplyMessage);
        Assert.Null(selected.TimeZone);   // not selected
        Assert.Equal(2, bed.Server.Counters[RouteKind.GetMailboxSettings]);
    }

    [Fact]
    public async Task No_mailbox_no_user_and_no_permission_answer_as_Graph_does()
    {
        await using var bed = await GraphTestBed.StartAsync();
        bed.Server.Directory.AddUser(new FakeUser("contractor", "Sam"));
        bed.Server.Directory.RemoveMailbox("contractor");

        var noMailbox = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Users["contractor"].MailboxSettings.GetAsync());
        var noUser = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Users["ghost"].MailboxSettings.GetAsync());
        bed.Server.Directory.MailboxSettingsDenied = true;
        var denied = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Users["contractor"].MailboxSettings.GetAsync());

        Assert.Equal((404, "MailboxNotEnabledForRESTAPI"), (noMailbox.ResponseStatusCode, noMailbox.Error?.Code));
        Assert.Equal((404, "Request_ResourceNotFound"), (noUser.ResponseStatusCode, noUser.Error?.Code));
        Assert.Equal((403, "ErrorAccessDenied"), (denied.ResponseStatusCode, denied.Error?.Code));
    }

    [Fact]
    public async Task A_fake_on_its_own_is_seeded_with_automatic_replies_over_HTTP()
    {
        await using var bed = await GraphTestBed.StartAsync();
        using var control = new HttpClient { BaseAddress = new Uri(bed.Server.BaseUrl.Replace("/v1.0", "/_fake/")) };

        var seeded = await control.PostAsync("users", new StringContent(
            """[{"id":"lead","displayName":"Zhang Wei","automaticRepliesSetting":{"status":"alwaysEnabled","internalReplyMessage":"On leave"}}]"""));
        var settings = await bed.Graph.Users["lead"].MailboxSettings.GetAsync();

        Assert.True(seeded.IsSuccessStatusCode);
        Assert.Equal(AutomaticRepliesStatus.AlwaysEnabled, settings!.AutomaticRepliesSetting!.Status);
    }
}
