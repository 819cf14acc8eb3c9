#!/usr/bin/env python3
"""Writes a plan with N unclosed `a {` lines, each followed by M plain lines.
Parse time grows about 2^N * size: N=16, M=400 (24 KB) takes ~15 s in a
release build. Usage: unclosed-blocks.py N M > slow.plan"""
import sys
n, m = int(sys.argv[1]), int(sys.argv[2])
sys.stdout.write('plan p "t" {\n' + ''.join('  a {\n' + '  x\n' * m for _ in range(n - 1)))
