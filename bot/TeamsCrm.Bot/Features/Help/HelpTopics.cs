namespace TeamsCrm.Bot.Features.Help;

/// <summary>What the help card explains: the parts of the company's customer-management rules the bot follows.</summary>
public static class HelpTopics
{
    public static readonly IReadOnlyList<string> All = ["customers", "visits", "approvals", "targets", "reminders"];

    public static bool IsKnown(string? topic) => topic is not null && All.Contains(topic);
}
