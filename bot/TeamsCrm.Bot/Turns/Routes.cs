using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Features.Customers;
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
        r.Command(["new customer", "新客户", "新建客户"], NewCustomerHandler.Start);
        r.Command(["find", "查找"], FindHandler.Find);
        r.Command(["approvals", "审批"], ApprovalListHandler.Show);

        r.Verb("help.show", HelpHandler.ShowAsCard);
        r.Verb("help.topic", HelpHandler.Topic);

        r.Verb("customer.new", NewCustomerHandler.Form);            // kind chosen → the form
        r.Verb("customer.create", NewCustomerHandler.Create);       // form submitted → pending file
        r.Verb("customer.open", FindHandler.Open);
        r.Verb("customer.edit", EditHandler.Edit);
        r.Verb("customer.save", EditHandler.Save);
        r.Verb("customer.contact", ContactHandler.Form);
        r.Verb("customer.contact.save", ContactHandler.Save);
        r.Verb("customer.entry", EntryHandler.Form);
        r.Verb("customer.entry.save", EntryHandler.Save);

        r.Verb(ApprovalCards.RefreshVerb, ApprovalHandler.Refresh);   // Teams asks for a per-user view
        r.Verb("approval.decide", ApprovalHandler.Decide);
        r.Verb("approval.cancel", ApprovalHandler.Cancel);

        r.Installed(HelpHandler.Welcome);
        r.UnknownVerb(HelpHandler.StaleCard);
        r.Fallback(HelpHandler.NotUnderstood);
        return r;
    }
}
