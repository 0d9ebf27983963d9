using Microsoft.Graph.Models;
using TeamsCrm.Bot.Directory;

namespace TeamsCrm.Bot.Tests.Directory;

/// <summary>
/// What "away" means in Graph's automaticRepliesSetting: always on, or scheduled with now in [start, end) read in the zone the
/// schedule names (Windows or IANA); disabled, a schedule over or to come, or one that cannot be read, is not away.
/// </summary>
public sealed class AutomaticRepliesTests
{
    static AutomaticRepliesSetting Scheduled(string start, string end, string zone) => new()
    {
        Status = AutomaticRepliesStatus.Scheduled,
        ScheduledStartDateTime = new DateTimeTimeZone { DateTime = start, TimeZone = zone },
        ScheduledEndDateTime = new DateTimeTimeZone { DateTime = end, TimeZone = zone },
    };

    [Theory]
    [InlineData("2026-11-30T01:30:00Z", "China Standard Time", true)]    // 09:30 in Shanghai, the schedule 09:00–18:00 there
    [InlineData("2026-11-30T00:30:00Z", "China Standard Time", false)]   // 08:30 there: not yet
    [InlineData("2026-11-30T10:00:00Z", "China Standard Time", false)]   // 18:00 there: over (the end is not included)
    [InlineData("2026-11-30T01:30:00Z", "Asia/Shanghai", true)]
    [InlineData("2026-11-30T09:30:00Z", "UTC", true)]
    [InlineData("2026-11-30T09:30:00Z", "No Such Zone", true)]           // an unknown zone is read as UTC
    public void A_schedule_is_read_in_the_zone_it_names(string now, string zone, bool away) =>
        Assert.Equal(away, MailboxAutoReplies.IsAway(Scheduled("2026-11-30T09:00:00.0000000", "2026-11-30T18:00:00.0000000", zone), DateTimeOffset.Parse(now)));

    [Fact]
    public void Always_on_is_away_disabled_or_unreadable_is_not()
    {
        var now = DateTimeOffset.Parse("2026-11-30T01:30:00Z");
        Assert.True(MailboxAutoReplies.IsAway(new AutomaticRepliesSetting { Status = AutomaticRepliesStatus.AlwaysEnabled }, now));
        Assert.False(MailboxAutoReplies.IsAway(new AutomaticRepliesSetting { Status = AutomaticRepliesStatus.Disabled }, now));
        Assert.False(MailboxAutoReplies.IsAway(new AutomaticRepliesSetting { Status = AutomaticRepliesStatus.Scheduled }, now));
        Assert.False(MailboxAutoReplies.IsAway(Scheduled("soon", "later", "UTC"), now));
        Assert.False(MailboxAutoReplies.IsAway(null, now));
    }
}
