# The simulated robot's body and where its sensors sit; channel names are examples/world.board's.
# Lengths in mm, angles in degrees counter-clockwise from the heading, speeds in mm/s. docs/world.md has the format.

body          radius=80 wheelbase=140 maxspeed=300
motor         left   pwm=motor-left   reverse=motor-left-reverse
motor         right  pwm=motor-right  reverse=motor-right-reverse

# Ultrasound rangers: 30-degree beams, five rays each, 1.5 m range, 5 mm of noise (one standard deviation).
sonar         sonar0  angle=0    range=1500 beam=30 rays=5 noise=5
sonar         sonar1  angle=30   range=1500 beam=30 rays=5 noise=5
sonar         sonar2  angle=60   range=1500 beam=30 rays=5 noise=5
sonar         sonar3  angle=90   range=1500 beam=30 rays=5 noise=5
sonar         sonar4  angle=180  range=1500 beam=30 rays=5 noise=5
sonar         sonar5  angle=-90  range=1500 beam=30 rays=5 noise=5
sonar         sonar6  angle=-60  range=1500 beam=30 rays=5 noise=5
sonar         sonar7  angle=-30  range=1500 beam=30 rays=5 noise=5

light-sensor  light-left   angle=30
light-sensor  light-right  angle=-30

bump          bump
encoder       tick-left   wheel=left   pitch=5
encoder       tick-right  wheel=right  pitch=5
