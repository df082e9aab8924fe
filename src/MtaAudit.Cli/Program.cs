return MtaAudit.Cli.App.Run(args);
