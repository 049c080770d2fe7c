from careertui.cli import main

raise SystemExit(main())
