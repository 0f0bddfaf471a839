from wengao.cli import main

main()
