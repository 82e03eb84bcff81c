#!/usr/bin/env python3
# The seed tutorial's server (/work/shared/seed/python3-webserver-tutorial.md, step 1) as it
# shows it; the only change is that bench/run passes the port as the first argument.
import sys
import time
from http.server import HTTPServer
from server import Server

HOST_NAME = 'localhost'
PORT_NUMBER = int(sys.argv[1]) if len(sys.argv) > 1 else 8000

if __name__ == '__main__':
    httpd = HTTPServer((HOST_NAME, PORT_NUMBER), Server)
    print(time.asctime(), 'Server UP - %s:%s' % (HOST_NAME, PORT_NUMBER))
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    httpd.server_close()
    print(time.asctime(), 'Server DOWN - %s:%s' % (HOST_NAME, PORT_NUMBER))
