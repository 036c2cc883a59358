#!/bin/sh
# tagline: this script, followed by a jar that the JVM below runs. C1 only and the JDK's class-data archive: a
# command line lives for a second, where start-up is everything and peak speed nothing.
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xss512k \
  -XX:-UsePerfData -Dfile.encoding=UTF-8 -jar "$0" "$@"
