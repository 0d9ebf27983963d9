using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Turns;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Reminders;

/// <summary>
/// A bot whose only personal reminder is the approvals digest (08:30 in Shanghai), with one request filed the day before
/// <paramref name="start"/> waiting for <paramref name="approvers"/>, each with a chat, their zone and language.
/// </summary>
static class DigestSeeds
{
    public static async Task<TestBot> StartAsync(DateTimeOffset start, IReadOnlyList<(DemoPerson Person, string? Zone)> approvers, string? locale = null)
    {
        var bot = await TestBot.StartAsync(now: start, settings: new Dictionary<string, string?>
        {
            ["Reminders:Personal:FollowUps"] = "off", ["Reminders:Personal:PurgeSoon"] = "off", ["Reminders:TimeZone"] = "Asia/Shanghai",
        });
        foreach (var (p, zone) in approvers)
            await bot.Archive.Conversations.SaveUserAsync(new UserRef(p.AadObjectId, p.TeamsId, p.Name, Demo.TenantId, bot.ServiceUrl.ToString(),
                Demo.PersonalChat(p), Locale: locale, TimeZone: zone));
        await bot.Archive.Approvals.CreateAsync(new Approval
        {
            Id = "ap-1", Kind = ApprovalKind.NewFile, Subject = "C-2026-00001", SubjectName = "Huadong Precision",
            RequesterAadObjectId = Demo.LiNa.AadObjectId, ApproverAadObjectIds = [.. approvers.Select(a => a.Person.AadObjectId)],
            CreatedAt = start.AddDays(-1), RequestKey = "new:C-2026-00001",
        });
        return bot;
    }
}
