using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Reminders.ChannelActivities;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Reminders;

/// <summary>
/// `reminders` / `提醒` in the team's channel: the sales manager gets the settings card, a save with a bad time and an
/// unknown zone comes back with the messages beside those fields and every typed value kept, a good save is stored.
/// A rep is refused (and cannot save by a forged press); in a 1:1 chat the bot says it works in a channel.
/// </summary>
public sealed class ReminderSettingsTranscripts
{
    // Sunday 22 November 2026, 10:00 in Shanghai (the Activities helpers' timestamp day).
    static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    static async Task<TestBot> InstalledAsync()
    {
        var bot = await TestBot.StartAsync(now: Now);
        Assert.Equal(200, (await bot.PostAsync(Installed(bot.ServiceUrl, Demo.WangFang, "channel"))).Status);
        return bot;
    }

    /// <summary>"@TeamsCrm reminders" typed in the channel, as Teams delivers it: the bot's mention in text and entities.</summary>
    static JsonObject Typed(TestBot bot, DemoPerson who, string command, string locale) =>
        Message(bot.ServiceUrl, who, "<at>TeamsCrm</at> " + command, locale).InChannel()
            .With("entities", new JsonArray(new JsonObject
            {
                ["type"] = "mention", ["text"] = "<at>TeamsCrm</at>",
                ["mentioned"] = new JsonObject { ["id"] = Demo.BotId, ["name"] = "TeamsCrm" },
            }));

    static JsonObject Save(TestBot bot, DemoPerson who, JsonObject values, string locale) =>
        CardAction(bot.ServiceUrl, who, "reminders.save", values, locale).InChannel();

    [Theory]
    [InlineData("en-US", "reminders")]
    [InlineData("zh-CN", "提醒")]
    public async Task The_sales_manager_sets_the_channels_reminders_and_a_bad_time_or_zone_is_sent_back_beside_the_field(string locale, string command)
    {
        await using var bot = await InstalledAsync();
        await Transcript.VerifyAsync($"reminders.settings.show.{locale}", bot, Typed(bot, Demo.WangFang, command, locale));
        var shown = CardInputs.Values(bot.Connector.Calls.Single().Card!);
        Assert.Equal(("true", "1", "09:00", "Asia/Shanghai"),
            ((string?)shown["on.WeeklyPlan"], (string?)shown["day.WeeklyPlan"], (string?)shown["time.WeeklyPlan"], (string?)shown["zone"]));

        var bad = (JsonObject)shown.DeepClone();
        bad["version"] = 0;
        bad["time.WeeklyPlan"] = "25:00";
        bad["zone"] = "Asia/Shangai";
        bad["reps"] = Demo.LiNa.AadObjectId;
        var good = (JsonObject)bad.DeepClone();
        good["time.WeeklyPlan"] = "08:30";
        good["zone"] = "Europe/Berlin";
        good["on.WeekEnd"] = "false";
        await Transcript.VerifyAsync($"reminders.settings.save.{locale}", bot,
            Save(bot, Demo.WangFang, bad, locale),
            Save(bot, Demo.WangFang, good, locale));

        var saved = (await bot.Archive.Reminders.GetChannelAsync(Demo.TeamChannel))!;
        Assert.Equal(("Europe/Berlin", Demo.WangFang.AadObjectId, 1), (saved.ZoneId, saved.ConfiguredBy, saved.Version));
        Assert.Equal([Demo.LiNa.AadObjectId], saved.Reps);
        Assert.Equal(new ReminderTiming(ReminderKind.WeeklyPlan, true, 1, new TimeOnly(8, 30)), saved.TimingOf(ReminderKind.WeeklyPlan));
        Assert.False(saved.TimingOf(ReminderKind.WeekEnd).Enabled);
    }

    [Theory]
    [InlineData("en-US", "reminders")]
    [InlineData("zh-CN", "提醒")]
    public async Task A_rep_is_refused_even_by_a_forged_save_and_a_one_to_one_chat_is_told_to_use_a_channel(string locale, string command)
    {
        await using var bot = await InstalledAsync();
        var forged = new JsonObject
        {
            ["version"] = 0, ["zone"] = "Asia/Shanghai", ["reps"] = "",
            ["on.WeeklyPlan"] = "false", ["day.WeeklyPlan"] = "1", ["time.WeeklyPlan"] = "09:00",
        };
        await Transcript.VerifyAsync($"reminders.settings.refused.{locale}", bot,
            Typed(bot, Demo.LiNa, command, locale),
            Save(bot, Demo.LiNa, forged, locale),
            Message(bot.ServiceUrl, Demo.WangFang, command, locale));
        Assert.Null(await bot.Archive.Reminders.GetChannelAsync(Demo.TeamChannel));
    }

    [Fact]
    public async Task The_zone_starts_as_the_installers_once_their_client_has_told_it_else_the_managers()
    {
        await using var bot = await TestBot.StartAsync(now: Now);
        await bot.PostAsync(Message(bot.ServiceUrl, Demo.ChenJie, "help").With("localTimezone", "Europe/Berlin"));
        await bot.PostAsync(Installed(bot.ServiceUrl, Demo.ChenJie, "channel"));
        await bot.PostAsync(Typed(bot, Demo.WangFang, "reminders", "en-US"));
        var fromInstaller = CardInputs.Values(bot.Connector.Calls.Last().Card!);

        await using var other = await TestBot.StartAsync(now: Now);
        await other.PostAsync(Installed(other.ServiceUrl, Demo.LiuYang, "channel"));   // never talked to the bot: zone unknown
        await other.PostAsync(Typed(other, Demo.WangFang, "reminders", "en-US"));
        var fromManager = CardInputs.Values(other.Connector.Calls.Last().Card!);

        Assert.Equal(("Europe/Berlin", "Asia/Shanghai"), ((string?)fromInstaller["zone"], (string?)fromManager["zone"]));
        Assert.Equal(Demo.ChenJie.AadObjectId, await bot.Archive.Conversations.InstallerOfAsync(Demo.TeamId));
    }
}
