using TeamsCrm.Bot.Features.Help;
using TeamsCrm.Bot.Features.Profile;

namespace TeamsCrm.Bot.Turns;

/// <summary>Every command and card verb the bot understands, in one table, in both languages.</summary>
public static class Routes
{
    public static Router Map(Router r)
    {
        r.Command(["help", "帮助", "?"], HelpHandler.Show);
        r.Command(["whoami", "who am i", "我是谁"], ProfileHandler.Show);

        r.Verb("help.show", HelpHandler.ShowAsCard);
        r.Verb("help.topic", HelpHandler.Topic);

        r.Installed(HelpHandler.Welcome);
        r.UnknownVerb(HelpHandler.StaleCard);
        r.Fallback(HelpHandler.NotUnderstood);
        return r;
    }
}
