using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Turns;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>What every <see cref="IConversationStore"/> must do, SQLite and SharePoint alike; each test gets a fresh store.</summary>
public abstract partial class ConversationStoreContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    IConversationStore Store { get; set; } = null!;

    protected abstract Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock);
    protected abstract Task DeleteArchiveAsync();

    public async Task InitializeAsync() => Store = (await CreateArchiveAsync(Clock)).Conversations;
    public Task DisposeAsync() => DeleteArchiveAsync();

    const string ServiceUrl = "https://smba.trafficmanager.net/apac/";
    static readonly UserRef LiNa = new(Demo.LiNa.AadObjectId, Demo.LiNa.TeamsId, "Li Na", Demo.TenantId, ServiceUrl, Demo.PersonalChat(Demo.LiNa), "zh-CN", "Asia/Shanghai");
    static readonly ConversationRef Channel = new(Demo.TeamChannel, ConversationKind.Channel, Demo.TenantId, ServiceUrl, Demo.BotId,
        Demo.TeamId, "Sales East Team", Demo.TeamChannel);

    [Fact]
    public async Task A_persons_brief_choice_is_kept_across_their_turns_and_cleared_back_to_the_default()
    {
        await Store.SaveUserAsync(LiNa);
        await Store.SetBriefAsync(LiNa.AadObjectId.ToUpperInvariant(), "06:45");
        await Store.SaveUserAsync(LiNa with { Locale = "zh-CN" });   // a later turn does not forget it

        Assert.Equal(LiNa with { Locale = "zh-CN", Brief = "06:45" }, await Store.FindUserAsync(LiNa.AadObjectId));
        await Store.SetBriefAsync(LiNa.AadObjectId, "off");
        Assert.Equal("off", (await Store.FindUserAsync(LiNa.AadObjectId))!.Brief);
        await Store.SetBriefAsync(LiNa.AadObjectId, null);
        Assert.Null((await Store.FindUserAsync(LiNa.AadObjectId))!.Brief);
        await Store.SetBriefAsync(Demo.Stranger.AadObjectId, "07:00");   // nobody stored: nobody created
        Assert.Null(await Store.FindUserAsync(Demo.Stranger.AadObjectId));
    }

    [Fact]
    public async Task What_is_saved_comes_back_and_unknown_ids_are_nothing()
    {
        await Store.SaveUserAsync(LiNa);
        await Store.SaveConversationAsync(Channel);

        Assert.Equal(LiNa, await Store.FindUserAsync(LiNa.AadObjectId));
        Assert.Equal(LiNa, await Store.FindUserAsync(LiNa.AadObjectId.ToUpperInvariant()));   // Entra ids ignore case
        Assert.Equal(Channel, await Store.FindConversationAsync(Channel.Id));
        Assert.Null(await Store.FindUserAsync(Demo.Stranger.AadObjectId));
        Assert.Null(await Store.FindConversationAsync("19:unknown@thread.v2"));
        Assert.False(await Store.IsUnreachableAsync("19:unknown@thread.v2"));
    }

    [Fact]
    public async Task Who_installed_the_app_in_a_team_is_kept()
    {
        await Store.SaveConversationAsync(Channel);
        Assert.Null(await Store.InstallerOfAsync(Channel.Id));

        await Store.SetInstallerAsync(Channel.Id, Demo.WangFang.AadObjectId);
        await Store.SaveConversationAsync(Channel with { TeamName = "Sales East" });   // later activity there keeps it

        Assert.Equal(Demo.WangFang.AadObjectId, await Store.InstallerOfAsync(Channel.Id));
        Assert.Null(await Store.InstallerOfAsync("19:unknown@thread.v2"));
    }

    [Fact]
    public async Task Saving_again_refreshes_but_keeps_what_the_new_reference_does_not_know()
    {
        await Store.SaveUserAsync(LiNa);
        await Store.SaveConversationAsync(Channel);

        await Store.SaveUserAsync(LiNa with { Name = "李娜", PersonalConversationId = null, Locale = null, TimeZone = null });   // a group-chat turn; a proactive save
        await Store.SaveConversationAsync(Channel with { TeamName = null, ServiceUrl = "https://smba.example/emea/" });

        Assert.Equal(LiNa with { Name = "李娜" }, await Store.FindUserAsync(LiNa.AadObjectId));
        Assert.Equal(Channel with { ServiceUrl = "https://smba.example/emea/" }, await Store.FindConversationAsync(Channel.Id));
    }

    [Fact]
    public async Task A_conversation_is_welcomed_once_even_when_asked_at_once()
    {
        await Store.SaveConversationAsync(Channel);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Store.TryMarkWelcomedAsync(Channel.Id, Clock.GetUtcNow()))));

        Assert.Single(answers, welcomed => welcomed);
        Assert.False(await Store.TryMarkWelcomedAsync(Channel.Id, Clock.GetUtcNow()));
        Assert.False(await Store.TryMarkWelcomedAsync("19:never-saved@thread.v2", Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Blocked_or_removed_is_unreachable_until_activity_comes_from_there_again()
    {
        var group = Channel with { Id = Demo.GroupChat, Kind = ConversationKind.GroupChat, TeamId = null, TeamName = null, ChannelId = null };
        await Store.SaveConversationAsync(Channel);
        await Store.SaveConversationAsync(group);

        await Store.MarkBlockedAsync(Channel.Id, Clock.GetUtcNow());
        await Store.MarkRemovedAsync(group.Id, Clock.GetUtcNow());
        await Store.MarkBlockedAsync("19:never-saved@thread.v2", Clock.GetUtcNow());

        Assert.True(await Store.IsUnreachableAsync(Channel.Id));
        Assert.True(await Store.IsUnreachableAsync(group.Id));
        await Store.SaveConversationAsync(Channel);
        Assert.False(await Store.IsUnreachableAsync(Channel.Id));
        Assert.True(await Store.IsUnreachableAsync(group.Id));
    }

    [Fact]
    public async Task A_conversation_id_longer_than_a_line_of_text_is_kept_whole()
    {
        var longId = "a:1" + new string('x', 400);
        var personal = new ConversationRef(longId, ConversationKind.Personal, Demo.TenantId, ServiceUrl, Demo.BotId);

        await Store.SaveConversationAsync(personal);

        Assert.Equal(personal, await Store.FindConversationAsync(longId));
        Assert.Null(await Store.FindConversationAsync(longId[..^1]));
        Assert.True(await Store.TryMarkWelcomedAsync(longId, Clock.GetUtcNow()));
    }
}
