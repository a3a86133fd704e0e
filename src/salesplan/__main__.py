from salesplan.cli.app import main

main()
