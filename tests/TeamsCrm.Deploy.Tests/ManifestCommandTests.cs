using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Deploy.Tests;

/// <summary>The command lists Teams shows are commands the bot really understands, in English and in Chinese.</summary>
public class ManifestCommandTests
{
    static readonly IReadOnlyList<CommandRoute> Commands = Routes.Map(new Router()).Commands;

    [Fact]
    public void Every_listed_command_is_a_route_and_its_zh_CN_title_is_the_same_route()
    {
        var lists = SamplePackage.Manifest()["bots"]![0]!["commandLists"]!.AsArray();
        var zh = SamplePackage.Localization();
        Assert.NotEmpty(lists);
        for (var l = 0; l < lists.Count; l++)
        {
            var commands = lists[l]!["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 10);   // Teams shows at most 10 commands per list
            for (var c = 0; c < commands.Count; c++)
            {
                var english = (string)commands[c]!["title"]!;
                var chinese = (string?)zh[$"bots[0].commandLists[{l}].commands[{c}].title"];
                var route = Assert.Single(Commands, r => r.Words.Contains(english, StringComparer.Ordinal));
                Assert.Equal(english, route.Words[0]);   // the English spelling, as the help card shows it
                Assert.NotNull(chinese);
                Assert.Contains(chinese, route.Words);
                Assert.NotNull(zh[$"bots[0].commandLists[{l}].commands[{c}].description"]);
            }
        }
    }

    [Fact]
    public void The_personal_list_is_in_English_and_names_the_everyday_commands()
    {
        var personal = SamplePackage.Manifest()["bots"]![0]!["commandLists"]!.AsArray()
            .Single(l => l!["scopes"]!.AsArray().Select(s => (string?)s).Contains("personal"))!;
        var titles = personal["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();

        Assert.All(titles, t => Assert.True(t.All(char.IsAscii), t));
        Assert.Subset(titles.ToHashSet(), new HashSet<string> { "help", "log visit", "find", "new customer", "approvals" });
    }
}
